package dev.keelson.cli.load;

import dev.keelson.cli.ExitCode;
import dev.keelson.cli.Keelson;
import dev.keelson.load.Durations;
import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import dev.keelson.load.LoadResult;
import dev.keelson.load.Threshold;
import dev.keelson.load.report.JsonReport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keelson load merge A.json B.json ...}: one result from runs made at the same time on several machines. */
@Command(
        name = "merge",
        description = "Combine JSON results of simultaneous runs from several machines, or the shards of one run"
                + " (--shard): histograms and counts added. Runs of another model or target, and a missing or doubled"
                + " shard, are refused (exit 2).",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            "0:merged (and every --threshold held)",
            "1:the merged report could not be written",
            "2:a file is missing or not a JSON result, the runs differ in model or target, or a shard is missing,"
                    + " doubled or of another run",
            "3:a --threshold was violated by the merged result",
            ExitCode.INTERRUPTED_LINE
        })
final class MergeCommand implements Callable<Integer> {
    @ParentCommand
    LoadCommand load;

    @Parameters(arity = "2..*", paramLabel = "RESULT.json")
    List<String> files;

    @Mixin
    OutputOptions output;

    @Option(
            names = "--threshold",
            paramLabel = "EXPR",
            description = "Fail with exit code 3 unless EXPR holds for the merged result (as for load).")
    List<String> thresholds = new ArrayList<>();

    @Option(
            names = "--wait",
            paramLabel = "D",
            description = "Wait up to D (e.g. 30m) for every file to be there and whole (shards still running"
                    + " elsewhere), checking every 2 s; without it a missing file is an error at once.")
    String wait;

    @Override
    public Integer call() throws InterruptedException {
        Keelson root = load.root;
        output.checkTarget(root.environment());
        List<Threshold> checks = thresholds.stream().map(Threshold::parse).toList();
        List<LoadResult> runs = read(root, wait == null ? Duration.ZERO : Durations.parse(wait, "--wait"));
        for (int i = 1; i < runs.size(); i++) {
            String other = files.get(i);
            runs.get(0).differenceFrom(runs.get(i)).ifPresent(why -> {
                throw new LoadException(
                        LoadErrorCode.BAD_RESULT, "cannot merge " + files.get(0) + " and " + other + ": " + why);
            });
        }
        LoadResult merged = LoadResult.merge(runs, files).withThresholds(checks);
        output.write(merged, root.environment());
        for (Threshold.Outcome failed :
                merged.thresholds().stream().filter(t -> !t.passed()).toList()) {
            root.environment().err().println("threshold violated: " + failed.describe());
        }
        return merged.passed() ? ExitCode.OK : ExitCode.THRESHOLD_VIOLATED;
    }

    /** Reads every file, retrying until {@code patience} has passed while one is missing or still being written. */
    private List<LoadResult> read(Keelson root, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        boolean told = false;
        while (true) {
            try {
                return files.stream()
                        .map(f -> JsonReport.read(root.environment().resolve(f)))
                        .toList();
            } catch (LoadException e) {
                if (System.nanoTime() >= deadline) throw e;
                if (!told && !root.quiet()) {
                    root.environment().err().println("waiting up to " + wait + " for the results: " + e.getMessage());
                    root.environment().err().flush();
                    told = true;
                }
                Thread.sleep(Math.min(2000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            }
        }
    }
}
