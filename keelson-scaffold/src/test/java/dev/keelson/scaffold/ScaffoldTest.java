package dev.keelson.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generating into real folders: what is written, what is refused, and that a failure leaves nothing behind. */
class ScaffoldTest {
    @TempDir
    Path dir;

    @Test
    void aProjectIsWrittenWithAnExecutableWrapperAndAFirstCommit() throws IOException {
        GeneratedProject project = Scaffold.configure()
                .name("order-desk")
                .parentDirectory(dir)
                .build()
                .generate();

        Path root = dir.resolve("order-desk");
        assertThat(project.directory()).isEqualTo(root);
        assertThat(root.resolve("src/main/java/com/example/orderdesk/OrderDeskApplication.java"))
                .isRegularFile();
        assertThat(Files.isExecutable(root.resolve("mvnw"))).isTrue();
        assertThat(Files.readString(root.resolve(".mvn/wrapper/maven-wrapper.properties")))
                .contains("distributionUrl=https://repo.maven.apache.org/maven2/org/apache/maven/apache-maven/");
        assertThat(Files.readString(root.resolve("pom.xml")))
                .contains("<artifactId>order-desk</artifactId>", "<groupId>com.example</groupId>");
        assertThat(project.committed()).isTrue();
        assertThat(git(root, "log", "--format=%s")).isEqualTo("A new service, made with keelson new\n");
        assertThat(git(root, "status", "--porcelain")).isEmpty();
        assertThat(filesUnder(root)).containsExactlyInAnyOrderElementsOf(project.files());
    }

    @Test
    void aDryRunListsExactlyWhatGenerationWritesAndWritesNothing() {
        Scaffold scaffold = Scaffold.configure()
                .name("order-desk")
                .parentDirectory(dir)
                .gitCommit(false)
                .build();

        List<String> planned = scaffold.files();
        assertThat(dir.resolve("order-desk")).doesNotExist();

        assertThat(scaffold.generate().files()).isEqualTo(planned);
    }

    @Test
    void aFolderThatExistsAndIsNotEmptyIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path target = Files.createDirectories(dir.resolve("order-desk"));
        Files.writeString(target.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> Scaffold.configure()
                        .name("order-desk")
                        .parentDirectory(dir)
                        .build())
                .isInstanceOf(ScaffoldException.class)
                .hasMessage(target + " exists and is not empty: choose another name, another --dir, or remove it")
                .extracting(e -> ((ScaffoldException) e).code())
                .isEqualTo(ScaffoldErrorCode.TARGET_NOT_EMPTY);
        assertThat(filesUnder(target)).containsExactly("notes.txt");
    }

    @Test
    void anEmptyFolderIsFilled() {
        Path target = dir.resolve("order-desk");
        target.toFile().mkdirs();

        Scaffold.configure()
                .name("order-desk")
                .parentDirectory(dir)
                .gitCommit(false)
                .build()
                .generate();

        assertThat(target.resolve("pom.xml")).isRegularFile();
    }

    @Test
    void aFailureHalfWayLeavesNoFolderBehindNotEvenTheParentsItCreated() throws IOException {
        // a parent path so long that the staging folder fits but the deep source files exceed PATH_MAX
        Path deep = dir;
        while (deep.toString().length() < 3_900) {
            deep = deep.resolve("x".repeat(200));
        }
        Path parent = deep.resolve("new-parent");
        Scaffold scaffold =
                Scaffold.configure().name("order-desk").parentDirectory(parent).build();

        assertThatThrownBy(scaffold::generate)
                .isInstanceOf(ScaffoldException.class)
                .hasMessageContaining("nothing was left behind")
                .extracting(e -> ((ScaffoldException) e).code())
                .isEqualTo(ScaffoldErrorCode.WRITE_FAILED);
        assertThat(parent).doesNotExist();
        assertThat(dir.resolve("x".repeat(200))).doesNotExist();
    }

    private static List<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith(".git/"))
                    .sorted()
                    .toList();
        }
    }

    private static String git(Path dir, String... args) throws IOException {
        List<String> command = Stream.concat(Stream.of("git"), Stream.of(args)).toList();
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        return new String(process.getInputStream().readAllBytes());
    }
}
