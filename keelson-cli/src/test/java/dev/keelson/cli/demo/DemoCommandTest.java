package dev.keelson.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.cli.DocumentedShapes;
import dev.keelson.cli.InProcessKeelson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

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

    @Test
    void theJsonSummaryHasTheDocumentedShape() {
        Path base = dir.toAbsolutePath();
        DemoSummary summary = new DemoSummary(
                base,
                base.resolve("demo-api"),
                base.resolve("demo-report.html"),
                new DemoScenario(base.resolve("demo-api/target/demo-scenario.yaml"), base.resolve("users.csv"), 40),
                base.resolve("demo-api/target/demo-service.log"),
                "http://127.0.0.1:8080",
                true,
                Duration.ofMillis(61_500));

        JsonNode doc = DocumentedShapes.assertShape("demo", summary.json());

        assertThat(doc.get("report").asString())
                .isEqualTo(base.resolve("demo-report.html").toString());
        assertThat(doc.get("serving").asBoolean()).isTrue();
        assertThat(doc.get("elapsedMs").asLong()).isEqualTo(61_500);
    }
}
