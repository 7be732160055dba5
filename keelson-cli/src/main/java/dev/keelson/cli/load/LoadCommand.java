package dev.keelson.cli.load;

import dev.keelson.cli.CommandTree;
import dev.keelson.cli.ExitCode;
import dev.keelson.cli.Interruption;
import dev.keelson.cli.Keelson;
import dev.keelson.load.Durations;
import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import dev.keelson.load.LoadResult;
import dev.keelson.load.LoadTest;
import dev.keelson.load.Ramp;
import dev.keelson.load.Stage;
import dev.keelson.load.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keelson load}: HTTP load testing. */
@Command(
        name = "load",
        description = {
            "HTTP load testing with honest tail latencies.",
            "Closed model: --users connections sending back to back. Open model: --rate requests per second on a"
                    + " fixed schedule, latency measured from each request's slot (coordinated omission corrected)."
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            "0:the run completed and every threshold held",
            "1:the run could not be carried out: the server cannot be reached (unknown host, refused, TLS), the"
                    + " engine failed, the report could not be written",
            "2:bad usage: URL, option, scenario file or threshold (nothing was sent)",
            "3:a --threshold was violated",
            "130:interrupted (Ctrl-C or SIGTERM): the report of what ran is written first"
        },
        footerHeading = "%nInterrupting:%n",
        footer =
                "Ctrl-C (or SIGTERM) ends the run as if its duration had elapsed: answers in flight are awaited up to"
                        + " --timeout (Ctrl-C again stops waiting), the report of what ran is written, and the exit code is 130.")
public final class LoadCommand implements Callable<Integer>, CommandTree.Parent {
    @ParentCommand
    Keelson root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", description = "The URL to load (or --scenario).")
    String url;

    @Option(
            names = {"--users", "-c", "--connections"},
            paramLabel = "N",
            description = "Connections (virtual users); default 10, or 50 with --rate.")
    Integer users;

    @Option(
            names = {"--requests", "-n"},
            paramLabel = "N",
            description = "Stop after N requests.")
    long requests;

    @Option(
            names = {"--duration", "-d"},
            paramLabel = "D",
            description = "Stop after D (e.g. 30s, 2m); default 10s without --requests.")
    String duration;

    @Option(names = "--rate", paramLabel = "R", description = "Open model: R requests per second on a fixed schedule.")
    Double rate;

    @Option(
            names = "--stage",
            paramLabel = "D:N|D:R/s",
            description =
                    "A stage (repeatable): over D, move users to N (closed model) or the rate to R/s (open), from"
                            + " the previous stage's target (0 first), as k6's ramping executors; the run lasts the stages together.")
    List<String> stages = new ArrayList<>();

    @Option(
            names = "--warmup",
            paramLabel = "D",
            description = "Run D first (rounded up to whole seconds) and exclude it from results.")
    String warmup;

    @Option(names = "--ramp-up", paramLabel = "D", description = "Reach the full users or rate gradually over D.")
    String rampUp;

    @Option(
            names = "--timeout",
            paramLabel = "D",
            defaultValue = "10s",
            description = "Per-request timeout (default ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--threads", paramLabel = "N", description = "Event-loop threads; default one per core.")
    Integer threads;

    @Mixin
    RequestOptions request;

    @Mixin
    OutputOptions output;

    @Mixin
    ShardOptions shard;

    @Option(
            names = "--threshold",
            paramLabel = "EXPR",
            description =
                    "Fail with exit code 3 unless EXPR holds: p95<200ms, p99.9<1s, mean<50ms, max<2s, errors<1%%, rps>500.")
    List<String> thresholds = new ArrayList<>();

    @Mixin
    MetricsOptions metrics;

    @Override
    public List<Class<?>> subcommands() {
        return List.of(
                CompareCommand.class,
                MergeCommand.class,
                CapacityCommand.class,
                KubernetesCommand.class,
                InitCommand.class);
    }

    @Override
    public Integer call() {
        var env = root.environment();
        LoadProgress progress = new LoadProgress(env.err(), env.interactive(), root.quiet());
        LoadTest test = configure(progress);
        output.checkTarget(env);
        ShardOptions.announce(test.config(), env, root.quiet(), java.time.Instant.now());
        progress.plan(test.config());
        LoadResult result;
        try (Interruption interruption = new Interruption(() -> {
            progress.interrupted();
            test.stop();
        })) {
            result = test.run();
        } finally {
            progress.finish();
        }
        output.write(result, env);
        for (Threshold.Outcome failed :
                result.thresholds().stream().filter(t -> !t.passed()).toList()) {
            env.err().println(env.colours().red("threshold violated") + ": " + failed.describe());
        }
        if (progress.wasInterrupted()) {
            return ExitCode.INTERRUPTED;
        }
        return result.passed() ? ExitCode.OK : ExitCode.THRESHOLD_VIOLATED;
    }

    /** Validates everything (URL, options, files, thresholds) before any load is sent. */
    private LoadTest configure(LoadProgress progress) {
        LoadTest.Builder builder = LoadTest.configure().listener(progress);
        request.applyTo(builder, url, root.environment());
        if (users != null) builder.users(users);
        if (rate != null) {
            if (!(rate > 0))
                throw new LoadException(
                        LoadErrorCode.BAD_CONFIG,
                        "--rate must be above 0 requests/s, got " + rate + "; leave it out for the closed model");
            builder.rate(rate);
        }
        builder.requests(requests).timeout(Durations.parse(timeout, "--timeout"));
        if (duration != null) builder.duration(Durations.parse(duration, "--duration"));
        if (warmup != null) builder.warmup(Durations.parse(warmup, "--warmup"));
        if (rampUp != null) builder.rampUp(Durations.parse(rampUp, "--ramp-up"));
        if (threads != null) builder.threads(threads);
        thresholds.forEach(builder::threshold);
        shard.applyTo(builder, root.environment());
        metrics.applyTo(builder);
        if (!stages.isEmpty())
            builder.ramp(
                    Ramp.of(stages.stream().map(s -> Stage.parse(s, "--stage")).toList()));
        return builder.build();
    }
}
