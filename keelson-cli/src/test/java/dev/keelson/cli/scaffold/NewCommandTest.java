package dev.keelson.cli.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.cli.InProcessKeelson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code keelson new} in-process: what it writes, what it refuses with exit 2, and that failures leave nothing. */
class NewCommandTest {
    @TempDir
    Path dir;

    private InProcessKeelson.Run keelson(String... args) {
        return new InProcessKeelson(dir).run(args);
    }

    @Test
    void aProjectIsCreatedAndTheOutputSaysWhereAndHowToGoOn() {
        InProcessKeelson.Run run = keelson("new", "order-desk", "--package", "com.acme.desk", "--no-redis");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path project = dir.resolve("order-desk");
        assertThat(project.resolve("src/main/java/com/acme/desk/OrderDeskApplication.java"))
                .isRegularFile();
        assertThat(run.out())
                .startsWith("Created " + project + " (")
                .containsPattern("files, first commit [0-9a-f]{7}\\)")
                .contains("  without: redis, graphql\n", "  cd order-desk\n", "  ./mvnw spring-boot:run");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theNextStepsCdIntoTheProjectWhereverDirPutIt() {
        InProcessKeelson.Run below = keelson("new", "order-desk", "--dir", "src/services", "--no-git");

        assertThat(below.exitCode()).as(below.err()).isZero();
        assertThat(below.out()).contains("  cd src/services/order-desk\n");
        assertThat(ProjectReport.cdTarget(Path.of("/srv/other/order-desk"), dir))
                .isEqualTo("/srv/other/order-desk");
        assertThat(ProjectReport.cdTarget(Path.of("/srv/my projects/it's"), dir))
                .isEqualTo("'/srv/my projects/it'\\''s'");
    }

    @Test
    void anInvalidNameIsABadUsageThatNamesTheRuleAndWritesNothing() throws IOException {
        InProcessKeelson.Run run = keelson("new", "Order_Desk");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("error [INVALID_NAME]: Invalid project name 'Order_Desk': use lower-case "
                        + "letters, digits and single hyphens, starting with a letter, at most 50 characters (for example "
                        + "my-api)\n");
        assertThat(run.out()).isEmpty();
        assertThat(contents(dir)).isEmpty();
    }

    @Test
    void anInvalidPackageIsABadUsageAndWritesNothing() throws IOException {
        InProcessKeelson.Run run = keelson("new", "order-desk", "--package", "com.acme.class");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("error [INVALID_PACKAGE]: Invalid package 'com.acme.class': 'class' is a Java "
                        + "keyword and cannot be part of a package name\n");
        assertThat(contents(dir)).isEmpty();
    }

    @Test
    void aFolderThatIsNotEmptyIsABadUsageAndStaysAsItWas() throws IOException {
        Path target = Files.createDirectories(dir.resolve("order-desk"));
        Files.writeString(target.resolve("keep.txt"), "mine");

        InProcessKeelson.Run run = keelson("new", "order-desk");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("error [TARGET_NOT_EMPTY]: " + target + " exists and is not empty: choose "
                        + "another name, another --dir, or remove it\n");
        assertThat(contents(dir)).containsExactly("order-desk", "order-desk/keep.txt");
    }

    @Test
    void anUnknownOptionIsABadUsageAndWritesNothing() throws IOException {
        InProcessKeelson.Run run = keelson("new", "order-desk", "--no-auht");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Unknown option: '--no-auht'\nPossible solutions: --no-auth");
        assertThat(contents(dir)).isEmpty();
    }

    @Test
    void anInvalidGroupIsABadUsageAndWritesNothing() throws IOException {
        InProcessKeelson.Run run = keelson("new", "order-desk", "--group", "com acme");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("error [INVALID_GROUP]: Invalid group id 'com acme': use lower-case "
                        + "dot-separated names (for example com.acme)\n");
        assertThat(contents(dir)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--no-auth", "--minimal"})
    void graphqlWithoutAuthIsABadUsage(String withoutAuth) throws IOException {
        InProcessKeelson.Run run = keelson("new", "order-desk", "--type", "graphql", withoutAuth);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error [FEATURE_CONFLICT]: --type graphql needs auth");
        assertThat(run.out()).isEmpty();
        assertThat(contents(dir)).isEmpty();
    }

    @Test
    void minimalIsOneResourceWithoutAuthRedisOrJobs() {
        InProcessKeelson.Run run = keelson("new", "simple-api", "--minimal", "--dry-run", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(run.out());
        assertThat(doc.get("features").toString()).doesNotContain("auth", "redis", "jobs", "graphql");
        String files = doc.get("files").toString();
        assertThat(files)
                .contains(
                        "src/main/java/com/example/simpleapi/order/OrderController.java",
                        "src/main/resources/db/migration/V2__orders.sql",
                        "PlainScheduling.java");
        assertThat(files).doesNotContain("/auth/", "/user/", "/jobs/", "/redis/", "V1__", "V3__", "V5__", "Outbox");
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        InProcessKeelson.Run run = keelson("new", "--help");

        assertThat(run.exitCode()).isZero();
        List<String> options = List.of(
                "--type",
                "--package",
                "--group",
                "--dir",
                "--minimal",
                "--no-auth",
                "--no-redis",
                "--no-jobs",
                "--no-docker",
                "--no-ci",
                "--no-git",
                "--dry-run",
                "--format");
        for (String option : options) {
            assertThat(helpOf(run.out(), option)).as(option).contains("(default: ");
        }
        assertThat(run.out()).contains("(default: rest)", "(default: text)", "Exit codes (");
    }

    @Test
    void aDryRunListsTheFilesAndWritesNothing() throws IOException {
        InProcessKeelson.Run run = keelson("new", "order-desk", "--dry-run", "--no-docker");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Would create " + dir.resolve("order-desk") + " with ")
                .contains(
                        "\n  pom.xml\n",
                        "\n  mvnw\n",
                        "\n  src/main/java/com/example/orderdesk/OrderDeskApplication.java\n")
                .doesNotContain("Dockerfile")
                .endsWith("Nothing was written (--dry-run).\n");
        assertThat(contents(dir)).isEmpty();
    }

    @Test
    void jsonOutputIsOneDocumentWithTheFiles() {
        InProcessKeelson.Run run = keelson("new", "order-desk", "--dry-run", "--format", "json", "--no-ci");

        assertThat(run.exitCode()).isZero();
        JsonNode doc = JsonMapper.builder().build().readTree(run.out());
        assertThat(doc.get("dryRun").asBoolean()).isTrue();
        assertThat(doc.get("package").asString()).isEqualTo("com.example.orderdesk");
        assertThat(doc.get("groupId").asString()).isEqualTo("com.example");
        assertThat(doc.get("features").toString()).contains("auth").doesNotContain("\"ci\"");
        assertThat(doc.get("files").toString()).contains("README.md").doesNotContain(".github");
    }

    @Test
    void aFailureHalfWayIsExitOneAndLeavesNothingBehind() throws IOException {
        Path deep = dir;
        while (deep.toString().length() < 3_900) {
            deep = deep.resolve("d".repeat(200));
        }
        Files.createDirectories(deep);

        InProcessKeelson.Run run = keelson("new", "order-desk", "--dir", deep.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("error [WRITE_FAILED]: Could not write " + deep.resolve("order-desk"))
                .endsWith("; nothing was left behind\n");
        try (Stream<Path> left = Files.list(deep)) {
            assertThat(left).isEmpty();
        }
    }

    /** The help text of one option: its line and the indented lines that continue it. */
    private static String helpOf(String help, String option) {
        List<String> lines = help.lines().toList();
        int at = 0;
        while (!lines.get(at).startsWith("      " + option)) {
            at++;
        }
        StringBuilder text = new StringBuilder(lines.get(at));
        while (lines.get(++at).startsWith("                ")) {
            text.append(' ').append(lines.get(at).strip());
        }
        return text.toString();
    }

    private static List<String> contents(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !p.equals(root))
                    .map(p -> root.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }
}
