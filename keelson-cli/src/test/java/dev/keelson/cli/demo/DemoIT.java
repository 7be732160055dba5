package dev.keelson.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.Keelson;
import dev.keelson.cli.KeelsonProcess;
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
import java.util.concurrent.TimeUnit;
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
    void theDemoRunsEndToEndASecondRunReusesTheProjectAndCtrlCEndsAServingOne() throws Exception {
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

        ctrlCStopsTheServingDemo();
    }

    /**
     * {@code demo --serve} in a real process, reusing the project: once it prints where everything is, Ctrl-C (SIGINT)
     * ends it with 130 after saying that it stops the service and the database, and neither listens afterwards.
     */
    private void ctrlCStopsTheServingDemo() throws Exception {
        Path out = dir.resolve("serve-out.json");
        Path err = dir.resolve("serve-err.txt");
        Process serving = KeelsonProcess.builder(dir, "demo", "--serve", "--port", "0", "--format", "json")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        Pattern ready = Pattern.compile("\"serving\"\\s*:\\s*true");
        while (!ready.matcher(Files.readString(out)).find()) {
            assertThat(serving.isAlive()).as(Files.readString(err)).isTrue();
            assertThat(System.nanoTime()).as("serving within 5 minutes").isLessThan(deadline);
            Thread.sleep(200);
        }
        new ProcessBuilder("kill", "-INT", String.valueOf(serving.pid()))
                .start()
                .waitFor();

        assertThat(serving.waitFor(60, TimeUnit.SECONDS))
                .as("ended within 60 s")
                .isTrue();
        String progress = Files.readString(err);
        System.out.printf("[demo --serve, Ctrl-C] exit %d%n%s%n", serving.exitValue(), progress);
        assertThat(serving.exitValue()).as(progress).isEqualTo(130);
        assertThat(progress)
                .contains("interrupted: stopping the service and its database; " + dir.resolve("demo-api"))
                .endsWith("stopped\n");
        assertNothingListens(progress, "listening on port (\\d+)");
        assertNothingListens(progress, "on port (\\d+) \\(migrate-on-start off");
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
