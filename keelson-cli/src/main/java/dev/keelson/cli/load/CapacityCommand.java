package dev.keelson.cli.load;

import dev.keelson.cli.ExitCode;
import dev.keelson.cli.Interruption;
import dev.keelson.cli.Keelson;
import dev.keelson.load.CapacitySearch;
import dev.keelson.load.Durations;
import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import dev.keelson.load.LoadTest;
import dev.keelson.load.Threshold;
import dev.keelson.load.report.CapacityReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keelson load capacity URL --slo ...}: the highest open-model rate that meets every SLO. */
@Command(
        name = "capacity",
        description = {
            "Find the highest rate that meets every SLO: open-model steps from --start, times --factor, until one"
                    + " breaks an SLO, then bisection down to --precision.",
            "Each step runs --step-warmup (not measured) and --hold; it meets the SLOs when every --slo holds, the"
                    + " generator kept the schedule, and p99 did not climb through the step (second half over 2x the"
                    + " first half and 20ms more: a queue building)."
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            "0:the search completed and every --threshold held",
            "1:the search could not be carried out: the server cannot be reached (unknown host, refused, TLS, no"
                    + " HTTP/2 for --http2), the engine failed, the report could not be written",
            "2:bad usage (nothing was sent)",
            "3:a --threshold was violated (e.g. capacity>500 and the capacity found was lower)",
            ExitCode.INTERRUPTED_LINE
        })
final class CapacityCommand implements Callable<Integer> {
    private static final Pattern CAPACITY = Pattern.compile("\\s*capacity\\s*(>=?)\\s*(\\d+(?:\\.\\d+)?)\\s*");

    @ParentCommand
    LoadCommand load;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", description = "The URL to load (or --scenario).")
    String url;

    @Option(
            names = "--slo",
            paramLabel = "EXPR",
            required = true,
            description = "An objective every step must meet (repeatable): p99<250ms, p95<100ms, errors<0.1%%.")
    List<String> slos = new ArrayList<>();

    @Option(
            names = "--start",
            paramLabel = "R",
            defaultValue = "50",
            description = "First rate (default ${DEFAULT-VALUE}/s).")
    double start;

    @Option(
            names = "--factor",
            paramLabel = "F",
            defaultValue = "2",
            description = "Each step's rate is the previous one's times F (default ${DEFAULT-VALUE}).")
    double factor;

    @Option(
            names = "--max",
            paramLabel = "R",
            defaultValue = "100000",
            description = "Highest rate tried (default ${DEFAULT-VALUE}/s).")
    double max;

    @Option(
            names = "--hold",
            paramLabel = "D",
            defaultValue = "10s",
            description = "Measured part of each step (default ${DEFAULT-VALUE}).")
    String hold;

    @Option(
            names = "--step-warmup",
            paramLabel = "D",
            defaultValue = "2s",
            description = "Run before each step's measured part (default ${DEFAULT-VALUE}).")
    String stepWarmup;

    @Option(
            names = "--precision",
            paramLabel = "P%",
            defaultValue = "5%",
            description = "Bisect until the passing and the failing rate are within P%% (default ${DEFAULT-VALUE}).")
    String precision;

    @Option(
            names = "--max-runs",
            paramLabel = "N",
            defaultValue = "16",
            description = "At most N steps in all (default ${DEFAULT-VALUE}).")
    int maxRuns;

    @Option(
            names = {"--users", "-c", "--connections"},
            paramLabel = "N",
            description = "Connections; default 50.")
    Integer users;

    @Option(
            names = "--timeout",
            paramLabel = "D",
            defaultValue = "10s",
            description = "Per-request timeout (default ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--threads", paramLabel = "N", description = "Event-loop threads; default one per core.")
    Integer threads;

    @Option(
            names = "--threshold",
            paramLabel = "capacity>N",
            description = "Exit 3 unless the capacity found is above N requests/s (a CI gate).")
    List<String> thresholds = new ArrayList<>();

    @Mixin
    RequestOptions request;

    @Mixin
    OutputOptions output;

    @Mixin
    MetricsOptions metrics;

    @Override
    public Integer call() {
        Keelson root = load.root;
        var env = root.environment();
        List<Threshold> objectives = slos.stream().map(Threshold::parse).toList();
        List<double[]> gates = thresholds.stream().map(CapacityCommand::gate).toList();
        CapacitySearch.Plan plan = new CapacitySearch.Plan(
                start,
                factor,
                max,
                Durations.parse(stepWarmup, "--step-warmup"),
                Durations.parse(hold, "--hold"),
                percent(precision),
                maxRuns);
        step(plan.start(), plan, objectives).build(); // checks the URL, options and SLOs before any load
        output.checkTarget(env);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicReference<LoadTest> running = new AtomicReference<>();
        CapacitySearch search;
        try (Interruption interruption = new Interruption(() -> {
            interrupted.set(true); // the running step ends as if held, no other runs, the report is written
            LoadTest test = running.get();
            if (test != null) test.stop();
        })) {
            search = CapacitySearch.run(
                    plan,
                    objectives,
                    rate -> {
                        LoadTest test = step(rate, plan, objectives).build();
                        running.set(test);
                        return test.run();
                    },
                    s -> env.err()
                            .printf(
                                    Locale.ROOT,
                                    "%.1f/s: %s%n",
                                    s.offered(),
                                    s.met() ? "met every SLO" : "FAILED " + s.reason())
                            .flush(),
                    interrupted::get);
        }
        String report = switch (output.format) {
            case TEXT -> CapacityReport.text(search);
            case JSON -> CapacityReport.json(search);
            case HTML -> CapacityReport.html(search);
        };
        output.write(report, CapacityReport.text(search), env);
        boolean passed = true;
        for (double[] gate : gates) {
            boolean held = gate[0] == 1 ? search.capacity() >= gate[1] : search.capacity() > gate[1];
            if (!held) {
                passed = false;
                env.err()
                        .printf(
                                Locale.ROOT,
                                "threshold violated: capacity%s%s: %.1f requests/s%n",
                                gate[0] == 1 ? ">=" : ">",
                                strip(gate[1]),
                                search.capacity());
            }
        }
        if (interrupted.get()) return ExitCode.INTERRUPTED;
        return passed ? ExitCode.OK : ExitCode.THRESHOLD_VIOLATED;
    }

    /** One step's test: the same target and options at {@code rate}, the SLOs as thresholds. */
    private LoadTest.Builder step(double rate, CapacitySearch.Plan plan, List<Threshold> objectives) {
        LoadTest.Builder builder = LoadTest.configure()
                .rate(rate)
                .duration(plan.hold())
                .warmup(plan.warmup())
                .timeout(Durations.parse(timeout, "--timeout"));
        request.applyTo(builder, url, load.root.environment());
        if (users != null) builder.users(users);
        if (threads != null) builder.threads(threads);
        objectives.forEach(t -> builder.threshold(t.expression()));
        metrics.applyTo(builder);
        return builder;
    }

    /** {@code capacity>500} as {0, 500}; {@code capacity>=500} as {1, 500}. */
    private static double[] gate(String expression) {
        Matcher m = CAPACITY.matcher(expression);
        if (!m.matches()) {
            throw new LoadException(
                    LoadErrorCode.BAD_THRESHOLD,
                    "threshold '" + expression + "' does not parse: a capacity search takes capacity>N (requests/s),"
                            + " e.g. capacity>500; the SLOs go in --slo");
        }
        return new double[] {m.group(1).equals(">=") ? 1 : 0, Double.parseDouble(m.group(2))};
    }

    private static double percent(String text) {
        try {
            double value = Double.parseDouble(text.trim().replace("%", ""));
            return text.contains("%") ? value / 100 : value;
        } catch (NumberFormatException e) {
            throw new LoadException(
                    LoadErrorCode.BAD_CONFIG, "--precision '" + text + "' is not a percentage: use e.g. 5%");
        }
    }

    private static String strip(double value) {
        return value == Math.floor(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
