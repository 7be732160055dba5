package dev.keelson.cli.load;

import dev.keelson.cli.ExitCode;
import dev.keelson.cli.JsonDocument;
import dev.keelson.cli.Keelson;
import dev.keelson.load.Comparison;
import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import dev.keelson.load.LoadResult;
import dev.keelson.load.report.JsonReport;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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

    @Option(
            names = {"--format", "-o"},
            paramLabel = "text|json",
            defaultValue = "text",
            description =
                    "text for people, json for scripts: one document on standard output (default ${DEFAULT-VALUE}).")
    Format format;

    /** How the comparison is printed. */
    enum Format {
        TEXT,
        JSON
    }

    @Override
    public Integer call() {
        Keelson root = load.root;
        double tolerance = failAbove == null ? 0.10 : percent(failAbove);
        LoadResult before = JsonReport.read(root.environment().resolve(baseline));
        LoadResult after = JsonReport.read(root.environment().resolve(current));
        before.differenceFrom(after).ifPresent(why -> {
            throw new LoadException(
                    LoadErrorCode.BAD_RESULT, "cannot compare " + baseline + " and " + current + ": " + why);
        });
        Comparison comparison = Comparison.of(before, after);
        var regressions = comparison.regressions(tolerance);
        if (format == Format.JSON) {
            root.environment().out().println(json(comparison, tolerance, regressions));
        } else {
            root.environment().out().print(comparison.render(tolerance));
        }
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

    /** The {@code load compare} document of docs/cli.md. */
    private String json(Comparison comparison, double tolerance, List<Comparison.Change> regressions) {
        ObjectNode doc = JsonDocument.of("load compare");
        doc.put("baseline", baseline).put("current", current).put("tolerance", tolerance);
        ArrayNode changes = doc.putArray("changes");
        for (Comparison.Change change : comparison.changes()) {
            ObjectNode row = changes.addObject()
                    .put("metric", change.metric())
                    .put("baseline", change.baseline())
                    .put("current", change.current())
                    .put("higherIsBetter", change.higherIsBetter())
                    .put("regressed", change.regressed(tolerance));
            double relative = change.relative();
            if (Double.isFinite(relative)) {
                row.put("relativeChange", relative);
            } else {
                row.putNull("relativeChange");
            }
        }
        ArrayNode regressed = doc.putArray("regressions");
        regressions.forEach(r -> regressed.add(r.metric()));
        doc.put("failed", failAbove != null && !regressions.isEmpty());
        return JsonDocument.write(doc);
    }

    private static double percent(String text) {
        try {
            return Double.parseDouble(text.trim().replace("%", "")) / 100;
        } catch (NumberFormatException e) {
            throw new LoadException(
                    LoadErrorCode.BAD_CONFIG, "--fail-above '" + text + "' must be a percentage, e.g. 10%");
        }
    }
}
