package dev.keelson.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C and SIGTERM sent to a real {@code keelson load} process end the run as if its duration had elapsed. */
@Timeout(120)
class InterruptIT {
    @TempDir
    Path dir;

    @Test
    void ctrlCWritesTheReportAndExitsWith130() throws Exception {
        try (Target target = new Target()) {
            Process keelson = start(target, "INT", "--threshold", "errors<1%");

            assertThat(keelson.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String err = Files.readString(dir.resolve("err.txt"));
            assertThat(keelson.exitValue()).as(err).isEqualTo(130);
            assertThat(Files.readString(dir.resolve("run.json"))).contains("\"passed\" : true");
            assertThat(Files.readString(dir.resolve("out.txt")))
                    .contains("  threshold    errors<1%: 0.00%  ok")
                    .endsWith("saved json report to run.json\n");
            assertThat(err).contains("interrupted: ending the run").endsWith("\n");
        }
    }

    @Test
    void sigtermEndsTheRunWithItsReportAndExitsWith130EvenWhenAThresholdWasViolated() throws Exception {
        try (Target target = new Target()) {
            Process keelson = start(target, "TERM", "--threshold", "p99<1us");

            assertThat(keelson.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String err = Files.readString(dir.resolve("err.txt"));
            assertThat(keelson.exitValue()).as(err).isEqualTo(130);
            assertThat(err).contains("threshold violated: p99<1us");
            assertThat(Files.readString(dir.resolve("run.json"))).contains("\"passed\" : false");
        }
    }

    @Test
    void ctrlCDuringACapacitySearchKeepsTheStepsSoFarInItsReport() throws Exception {
        try (Target target = new Target()) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    classPath(),
                    "dev.keelson.cli.Keelson",
                    "load",
                    "capacity",
                    target.url("/"),
                    "--slo",
                    "p99<1s",
                    "--start",
                    "20",
                    "--hold",
                    "60s",
                    "--step-warmup",
                    "0s",
                    "-o",
                    "json",
                    "--save",
                    "capacity.json"));
            Process keelson = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectOutput(dir.resolve("out.txt").toFile())
                    .redirectError(dir.resolve("err.txt").toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (target.requests.get() < 40) { // the first step is under way
                assertThat(keelson.isAlive())
                        .as(Files.readString(dir.resolve("err.txt")))
                        .isTrue();
                assertThat(System.nanoTime()).as("no requests within 40 s").isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(keelson.pid()))
                            .inheritIO()
                            .start()
                            .waitFor())
                    .isZero();

            assertThat(keelson.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String err = Files.readString(dir.resolve("err.txt"));
            assertThat(keelson.exitValue()).as(err).isEqualTo(130);
            assertThat(err).contains("20.0/s: FAILED interrupted: held ");
            assertThat(Files.readString(dir.resolve("capacity.json")))
                    .contains("\"offered\" : 20.0")
                    .contains("\"reason\" : \"interrupted: held ");
            assertThat(Files.readString(dir.resolve("out.txt")))
                    .contains("  capacity     none")
                    .endsWith("saved json report to capacity.json\n");
        }
    }

    /** Starts a 60 s run, waits for its second progress line, then sends {@code signal}. */
    private Process start(Target target, String signal, String... thresholds) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath(),
                "dev.keelson.cli.Keelson",
                "load",
                target.url("/"),
                "-c",
                "2",
                "-d",
                "60s",
                "-o",
                "json",
                "--save",
                "run.json"));
        command.addAll(List.of(thresholds));
        Process keelson = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (!Files.readString(dir.resolve("err.txt")).contains("   2s ")) {
            assertThat(keelson.isAlive())
                    .as(Files.readString(dir.resolve("err.txt")))
                    .isTrue();
            assertThat(System.nanoTime()).as("no progress within 40 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(keelson.pid()))
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).isZero();
        return keelson;
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire : System.getProperty("java.class.path");
    }
}
