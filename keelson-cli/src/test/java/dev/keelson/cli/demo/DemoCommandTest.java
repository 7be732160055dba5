package dev.keelson.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.cli.InProcessKeelson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keelson demo}'s usage: what it refuses before it starts anything. The whole run is {@link DemoIT}. */
class DemoCommandTest {
    @TempDir
    Path dir;

    private InProcessKeelson.Run keelson(String... args) {
        return new InProcessKeelson(dir).run(args);
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        InProcessKeelson.Run run = keelson("demo", "--help");

        assertThat(run.exitCode()).isZero();
        String help = run.out().replaceAll("\\s+", " "); // as it reads, whatever the line wrapping
        assertThat(help)
                .contains(
                        "--dir=DIR",
                        "(default: the current directory)",
                        "--serve",
                        "(default: stop them)",
                        "--port=PORT",
                        "(default: 8080)",
                        "--users=N",
                        "(default: 4)",
                        "--iterations=N",
                        "(default: 40)");
    }

    @Test
    void aDemoApiFolderThatIsNotADemoProjectIsABadUsageAndIsLeftAlone() throws IOException {
        Path other = Files.createDirectories(dir.resolve("demo-api"));
        Files.writeString(other.resolve("pom.xml"), "<project><artifactId>something-else</artifactId></project>");

        InProcessKeelson.Run run = keelson("demo");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .endsWith("error: " + other + " exists and is not a keelson demo project: move it "
                        + "away, or run the demo in another folder (--dir)\n");
        assertThat(Files.readString(other.resolve("pom.xml"))).contains("something-else");
        try (var files = Files.list(other)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void zeroUsersIsABadUsage() {
        InProcessKeelson.Run run = keelson("demo", "--users", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .isEqualTo("error: --users and --iterations must be at least 1, --port between 0 and " + "65535\n");
        assertThat(dir.resolve("demo-api")).doesNotExist();
    }
}
