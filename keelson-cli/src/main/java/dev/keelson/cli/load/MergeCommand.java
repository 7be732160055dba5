package dev.keelson.cli.load;

import dev.keelson.cli.ExitCode;
import dev.keelson.cli.Keelson;
import dev.keelson.load.ErrorCode;
import dev.keelson.load.LoadException;
import dev.keelson.load.LoadResult;
import dev.keelson.load.report.JsonReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keelson load merge A.json B.json ...}: one result from runs made at the same time on several machines. */
@Command(
        name = "merge",
        description = "Combine JSON results of simultaneous runs from several machines: histograms and counts added."
                + " Runs of another model or target are refused (exit 2).",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            "0:merged",
            "1:the merged report could not be written",
            "2:a file is missing or not a JSON result, or the runs differ in model or target",
            ExitCode.INTERRUPTED_LINE
        })
final class MergeCommand implements Callable<Integer> {
    @ParentCommand
    LoadCommand load;

    @Parameters(arity = "2..*", paramLabel = "RESULT.json")
    List<String> files;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Keelson root = load.root;
        output.checkTarget(root.environment());
        List<LoadResult> runs = files.stream()
                .map(f -> JsonReport.read(root.environment().resolve(f)))
                .toList();
        for (int i = 1; i < runs.size(); i++) {
            String other = files.get(i);
            runs.get(0).differenceFrom(runs.get(i)).ifPresent(why -> {
                throw new LoadException(
                        ErrorCode.BAD_RESULT, "cannot merge " + files.get(0) + " and " + other + ": " + why);
            });
        }
        LoadResult merged = LoadResult.merge(runs);
        output.write(merged, root.environment());
        return ExitCode.OK;
    }
}
