package dev.keelson.cli.load;

import dev.keelson.cli.ExitCode;
import dev.keelson.cli.Keelson;
import dev.keelson.load.Comparison;
import dev.keelson.load.ErrorCode;
import dev.keelson.load.LoadException;
import dev.keelson.load.LoadResult;
import dev.keelson.load.report.JsonReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keelson load compare BASELINE NEW}: the change per metric between two JSON results. */
@Command(
        name = "compare",
        description = "Print the change per metric between two JSON results (saved with --output json --save).",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            "0:no regression beyond --fail-above (or not given)",
            "2:a file is missing or not a JSON result, or the runs differ in model or target",
            "3:a metric regressed by more than --fail-above",
            ExitCode.INTERRUPTED_LINE
        })
final class CompareCommand implements Callable<Integer> {
    @ParentCommand
    LoadCommand load;

    @Parameters(index = "0", paramLabel = "BASELINE")
    String baseline;

    @Parameters(index = "1", paramLabel = "NEW")
    String current;

    @Option(
            names = "--fail-above",
            paramLabel = "PCT",
            description = "Exit with code 3 when a latency, rps or error rate got worse by more than PCT (e.g. 10%%).")
    String failAbove;

    @Override
    public Integer call() {
        Keelson root = load.root;
        double tolerance = failAbove == null ? 0.10 : percent(failAbove);
        LoadResult before = JsonReport.read(root.environment().resolve(baseline));
        LoadResult after = JsonReport.read(root.environment().resolve(current));
        before.differenceFrom(after).ifPresent(why -> {
            throw new LoadException(
                    ErrorCode.BAD_RESULT, "cannot compare " + baseline + " and " + current + ": " + why);
        });
        Comparison comparison = Comparison.of(before, after);
        root.environment().out().print(comparison.render(tolerance));
        var regressions = comparison.regressions(tolerance);
        if (failAbove == null || regressions.isEmpty()) return ExitCode.OK;
        root.environment()
                .err()
                .println(regressions.size() + " metric(s) regressed by more than " + failAbove + ": "
                        + String.join(
                                ", ",
                                regressions.stream()
                                        .map(Comparison.Change::metric)
                                        .toList()));
        return ExitCode.THRESHOLD_VIOLATED;
    }

    private static double percent(String text) {
        try {
            return Double.parseDouble(text.trim().replace("%", "")) / 100;
        } catch (NumberFormatException e) {
            throw new LoadException(ErrorCode.BAD_CONFIG, "--fail-above '" + text + "' must be a percentage, e.g. 10%");
        }
    }
}
