package dev.keelson.cli.load;

import dev.keelson.cli.ExitCode;
import dev.keelson.cli.Keelson;
import dev.keelson.load.LoadResult;
import dev.keelson.load.report.JsonReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keelson load merge A.json B.json ...}: one result from runs made at the same time on several machines. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Combine JSON results of simultaneous runs from several machines: histograms and counts added.")
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
        LoadResult merged = LoadResult.merge(files.stream().map(f -> JsonReport.read(root.environment().resolve(f))).toList());
        output.write(merged, root.environment());
        return ExitCode.OK;
    }
}
