package dev.keelson.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;

/**
 * The training run of the launcher's AOT cache for {@code keelson load} (JDK 25+, JEP 483 and 515); not a user command.
 *
 * <p>{@code load} pays a fixed cost that a C program such as wrk does not: loading and linking some 3,000 classes
 * and compiling its hot loop, first with C1's profiling code and then with C2. The cache holds the classes and their
 * linkage from this run, so a later {@code load} starts with them; the launchers make it with
 * {@code -XX:-AOTRecordTraining}, without this run's method profiles, whose replay made C2 compile more per run
 * (docs/load.md). It starts a
 * {@link LoadTrainingTarget} on 127.0.0.1, runs a closed-model {@code load} against it as {@code bench/load/run.sh}
 * does (50 connections, one event loop, JSON output saved to a file), then an open-model run with the text report,
 * then an h2c run as {@code bench/load/h2.sh} does (10 connections x 10 streams), and closes the target:
 * {@value #SECONDS} seconds of load in all. Output is discarded; the exit code is always 0.
 */
public final class LoadAotTraining {
    static final int SECONDS = 4;

    private LoadAotTraining() {}

    /** {@code args[0]}: an empty scratch folder, which the caller removes afterwards. */
    public static void main(String[] args) throws IOException {
        Path scratch = Path.of(args[0]);
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        CliEnvironment environment = new CliEnvironment(sink, sink, Map.of(), scratch, false);
        try (var target = new LoadTrainingTarget()) {
            String url = target.url();
            Keelson.run(
                    new String[] {
                        "load",
                        url,
                        "--duration",
                        (SECONDS - 2) + "s",
                        "--users",
                        "50",
                        "--threads",
                        "1",
                        "--output",
                        "json",
                        "--save",
                        scratch.resolve("closed.json").toString()
                    },
                    environment);
            Keelson.run(
                    new String[] {"load", url, "--duration", "1s", "--rate", "5000", "--users", "50", "--threads", "1"},
                    environment);
            Keelson.run(
                    new String[] {
                        "load",
                        url,
                        "--http2",
                        "--duration",
                        "1s",
                        "--users",
                        "10",
                        "--streams",
                        "10",
                        "--threads",
                        "1",
                        "--output",
                        "json",
                        "--save",
                        scratch.resolve("h2.json").toString()
                    },
                    environment);
        }
    }
}
