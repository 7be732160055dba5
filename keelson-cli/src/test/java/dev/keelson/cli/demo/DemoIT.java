package dev.keelson.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.Keelson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keelson demo} end to end, twice: the first run generates and builds demo-api, the second reuses both. Each
 * starts an embedded PostgreSQL, migrates it with keelson db, starts the service, runs the load scenario without an
 * error, writes the report and stops everything. Minutes long, so it runs with {@code CI=true} or
 * {@code -Dkeelson.generatedProjects=true}, like keelson-scaffold's generated-project builds.
 */
class DemoIT {
    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err, Duration took) {}

    @BeforeAll
    static void enabled() {
        assumeTrue(
                "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("keelson.generatedProjects"),
                "the demo takes minutes: it runs with CI=true or -Dkeelson.generatedProjects=true");
    }

    private Run demo() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Instant start = Instant.now();
        int code = Keelson.run(
                new String[] {"demo", "--port", "0"},
                new CliEnvironment(new PrintWriter(out), new PrintWriter(err), Map.of(), dir, false));
        Run run = new Run(code, out.toString(), err.toString(), Duration.between(start, Instant.now()));
        System.out.printf("[demo] exit %d in %d s%n%s%n%s%n", code, run.took().toSeconds(), run.err(), run.out());
        return run;
    }

    @Test
    void theDemoRunsEndToEndAndASecondRunReusesTheProjectAndItsBuild() throws IOException {
        Run first = demo();

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err())
                .contains(
                        "[1/7] Project: " + dir.resolve("demo-api"),
                        "generated like keelson new",
                        "[2/7] Build",
                        "built target/demo-api-0.1.0-SNAPSHOT.jar",
                        "[4/7] Migrations: keelson db migrate",
                        "answers UP",
                        "[7/7] Stop",
                        "stopped cleanly");
        assertThat(first.out())
                .contains(
                        "Applied V1__",
                        "Schema version ",
                        "errors       0 (0.00%)",
                        "Demo done in ",
                        "demo-report.html",
                        "/swagger-ui.html",
                        "curl -s -X POST http://127.0.0.1:");
        String report = Files.readString(dir.resolve("demo-report.html"));
        assertThat(report).startsWith("<!DOCTYPE html>").contains("<svg");
        assertNothingListens(first.err(), "listening on port (\\d+)");
        assertNothingListens(first.err(), "on port (\\d+) \\(migrate-on-start off");

        Run second = demo();

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err())
                .contains("reusing it", "up to date: target/demo-api-0.1.0-SNAPSHOT.jar", "stopped cleanly");
        assertThat(second.out()).contains("errors       0 (0.00%)");
    }

    /** The port the pattern finds in the demo's progress no longer accepts connections. */
    private static void assertNothingListens(String progress, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(progress);
        assertThat(m.find()).as(pattern).isTrue();
        int port = Integer.parseInt(m.group(1));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            throw new AssertionError("port " + port + " still accepts connections after the demo");
        } catch (IOException refused) {
            // stopped
        }
    }
}
