package dev.keelson.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What a run measured. Latencies are in microseconds in {@link #latency()}, an HdrHistogram holding every response
 * (no sampling); in the open model each latency counts from the request's slot in the schedule.
 *
 * @param target      the target (scheme, host, port) and first path
 * @param model       closed or open
 * @param users       connections used
 * @param rate        requested rate (open model), 0 otherwise
 * @param started     when the measured part began
 * @param measured    how long the measured part lasted (warm-up excluded)
 * @param requests    responses received (each has a latency)
 * @param errors      failed requests, all kinds
 * @param bytes       bytes received
 * @param latency     latency histogram, microseconds; do not modify
 * @param statusCodes responses per HTTP status
 * @param errorKinds  failures per kind
 * @param lateness    open-model requests sent after their slot
 * @param timeline    one entry per second, warm-up included and flagged
 * @param thresholds  the thresholds checked against this result
 * @param shortfall   open model: why the schedule was not kept, when it was not; {@code null} otherwise
 * @param steps       per scenario step, in the scenario's order (a plain URL run has one); empty when not known
 * @param stages      per stage of a ramping run, in order; empty for a steady run
 * @param protocols   connections opened per protocol negotiated ({@code http/1.1}, {@code h2}, {@code h2c}),
 *                    reconnects included; empty when not known
 * @param shard       the part of a sharded run this result is, or {@code null} for a whole run (or a merge)
 * @param runId       the run a shard belongs to, or {@code null} for a whole run
 * @param server      the target's own metrics scraped during the run ({@code --metrics}), or
 *                    {@link ServerMetrics#NONE}
 */
public record LoadResult(
        String target,
        Model model,
        int users,
        double rate,
        Instant started,
        Duration measured,
        long requests,
        long errors,
        long bytes,
        Histogram latency,
        SortedMap<Integer, Long> statusCodes,
        Map<ErrorKind, Long> errorKinds,
        Lateness lateness,
        List<TimelineSecond> timeline,
        List<Threshold.Outcome> thresholds,
        Shortfall shortfall,
        List<StepResult> steps,
        List<StageResult> stages,
        SortedMap<String, Long> protocols,
        Shard shard,
        String runId,
        ServerMetrics server)
        implements Figures {

    public LoadResult {
        server = server == null ? ServerMetrics.NONE : server;
        protocols = Collections.unmodifiableSortedMap(new TreeMap<>(protocols == null ? Map.of() : protocols));
        steps = steps == null ? List.of() : List.copyOf(steps);
        stages = stages == null ? List.of() : List.copyOf(stages);
        statusCodes = Collections.unmodifiableSortedMap(new TreeMap<>(statusCodes));
        errorKinds = Collections.unmodifiableMap(
                errorKinds.isEmpty() ? new EnumMap<>(ErrorKind.class) : new EnumMap<>(errorKinds));
        timeline = List.copyOf(timeline);
        thresholds = List.copyOf(thresholds);
    }

    /** A result without a {@link Shortfall}. */
    public LoadResult(
            String target,
            Model model,
            int users,
            double rate,
            Instant started,
            Duration measured,
            long requests,
            long errors,
            long bytes,
            Histogram latency,
            SortedMap<Integer, Long> statusCodes,
            Map<ErrorKind, Long> errorKinds,
            Lateness lateness,
            List<TimelineSecond> timeline,
            List<Threshold.Outcome> thresholds) {
        this(
                target,
                model,
                users,
                rate,
                started,
                measured,
                requests,
                errors,
                bytes,
                latency,
                statusCodes,
                errorKinds,
                lateness,
                timeline,
                thresholds,
                null,
                List.of(),
                List.of());
    }

    /** A result of a whole run (not a shard). */
    public LoadResult(
            String target,
            Model model,
            int users,
            double rate,
            Instant started,
            Duration measured,
            long requests,
            long errors,
            long bytes,
            Histogram latency,
            SortedMap<Integer, Long> statusCodes,
            Map<ErrorKind, Long> errorKinds,
            Lateness lateness,
            List<TimelineSecond> timeline,
            List<Threshold.Outcome> thresholds,
            Shortfall shortfall,
            List<StepResult> steps,
            List<StageResult> stages,
            SortedMap<String, Long> protocols) {
        this(
                target,
                model,
                users,
                rate,
                started,
                measured,
                requests,
                errors,
                bytes,
                latency,
                statusCodes,
                errorKinds,
                lateness,
                timeline,
                thresholds,
                shortfall,
                steps,
                stages,
                protocols,
                null,
                null,
                null);
    }

    /** A result without the protocols its connections negotiated. */
    public LoadResult(
            String target,
            Model model,
            int users,
            double rate,
            Instant started,
            Duration measured,
            long requests,
            long errors,
            long bytes,
            Histogram latency,
            SortedMap<Integer, Long> statusCodes,
            Map<ErrorKind, Long> errorKinds,
            Lateness lateness,
            List<TimelineSecond> timeline,
            List<Threshold.Outcome> thresholds,
            Shortfall shortfall,
            List<StepResult> steps,
            List<StageResult> stages) {
        this(
                target,
                model,
                users,
                rate,
                started,
                measured,
                requests,
                errors,
                bytes,
                latency,
                statusCodes,
                errorKinds,
                lateness,
                timeline,
                thresholds,
                shortfall,
                steps,
                stages,
                null);
    }

    /** The step named {@code name} (case-insensitive), if the run had it. */
    public Optional<StepResult> step(String name) {
        return steps.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Bytes received per second over the measured time. */
    public double bytesPerSecond() {
        double seconds = measured.toNanos() / 1e9;
        return seconds <= 0 ? 0 : bytes / seconds;
    }

    /** True when every threshold held. */
    public boolean passed() {
        return thresholds.stream().allMatch(Threshold.Outcome::passed);
    }

    /** This result with {@code checks} evaluated against it. */
    public LoadResult withThresholds(List<Threshold> checks) {
        return copy(checks.stream().map(t -> t.evaluate(this)).toList(), shortfall, shard, runId, server);
    }

    /** This result with the reason an open-model run fell behind its schedule. */
    public LoadResult withShortfall(Shortfall why) {
        return copy(thresholds, why, shard, runId, server);
    }

    /** This result with the target's own metrics, scraped while it ran. */
    public LoadResult withServer(ServerMetrics metrics) {
        return copy(thresholds, shortfall, shard, runId, metrics);
    }

    private LoadResult copy(
            List<Threshold.Outcome> outcomes, Shortfall why, Shard part, String run, ServerMetrics metrics) {
        return new LoadResult(
                target,
                model,
                users,
                rate,
                started,
                measured,
                requests,
                errors,
                bytes,
                latency,
                statusCodes,
                errorKinds,
                lateness,
                timeline,
                outcomes,
                why,
                steps,
                stages,
                protocols,
                part,
                run,
                metrics);
    }

    /** This result marked as part {@code shard} of run {@code runId} ({@code null} and the whole for a whole run). */
    public LoadResult withShard(Shard shard, String runId) {
        Shard part = shard == null || shard.whole() ? null : shard;
        return copy(thresholds, shortfall, part, part == null ? null : runId, server);
    }

    /**
     * Why {@code other} cannot be merged with or compared to this result, naming the difference (the model, or the
     * target's scheme, host, port and path; the query may differ); empty when it can.
     */
    public Optional<String> differenceFrom(LoadResult other) {
        if (model != other.model) {
            return Optional.of(
                    "one is " + article(model) + "-model run, the other " + article(other.model) + "-model run");
        }
        if (!withoutQuery(target).equals(withoutQuery(other.target))) {
            return Optional.of("their targets differ: " + target + " and " + other.target);
        }
        if (!stageLengths().equals(other.stageLengths())) {
            return Optional.of("their stages differ: " + describeStages() + " and " + other.describeStages());
        }
        return Optional.empty();
    }

    private List<Duration> stageLengths() {
        return stages.stream().map(StageResult::duration).toList();
    }

    private String describeStages() {
        if (stages.isEmpty()) return "no stages";
        return stages.stream().map(s -> Durations.format(s.duration())).toList().toString();
    }

    private static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String article(Model model) {
        return model == Model.OPEN ? "an open" : "a closed";
    }

    /**
     * Combines runs made at the same time from several machines: histograms, counts and timelines are added
     * (not averaged), the measured time is the longest, so requests per second add up.
     */
    public static LoadResult merge(List<LoadResult> runs) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= runs.size(); i++) names.add("result " + i);
        return merge(runs, names);
    }

    /**
     * As {@link #merge(List)}, naming the results by {@code names} (their files) in errors. Shards of a run
     * ({@link #shard()}) merge only all together: a missing or doubled shard, shards of different runs or of a
     * different count, or shards mixed with whole runs are refused, naming which.
     */
    public static LoadResult merge(List<LoadResult> runs, List<String> names) {
        if (runs.isEmpty()) throw new LoadException(LoadErrorCode.BAD_RESULT, "nothing to merge");
        ShardCheck.check(runs, names).ifPresent(why -> {
            throw new LoadException(LoadErrorCode.BAD_RESULT, "cannot merge: " + why);
        });
        LoadResult first = runs.get(0);
        for (int i = 1; i < runs.size(); i++) {
            int index = i + 1;
            first.differenceFrom(runs.get(i)).ifPresent(why -> {
                throw new LoadException(
                        LoadErrorCode.BAD_RESULT, "cannot merge result 1 and result " + index + ": " + why);
            });
        }
        Histogram latency = new Histogram(first.latency.getHighestTrackableValue(), 3);
        SortedMap<Integer, Long> statuses = new TreeMap<>();
        Map<ErrorKind, Long> kinds = new EnumMap<>(ErrorKind.class);
        TreeMap<Integer, TimelineSecond> seconds = new TreeMap<>();
        long requests = 0, errors = 0, bytes = 0;
        int users = 0;
        double rate = 0;
        Duration measured = Duration.ZERO;
        Lateness lateness = Lateness.NONE;
        Instant started = first.started;
        LinkedHashMap<String, StepResult> steps = new LinkedHashMap<>();
        List<StageResult> stages = new ArrayList<>(first.stages);
        SortedMap<String, Long> protocols = new TreeMap<>();
        for (LoadResult run : runs) {
            run.protocols.forEach((p, n) -> protocols.merge(p, n, Long::sum));
            if (run != first) {
                for (int i = 0; i < stages.size(); i++)
                    stages.set(i, stages.get(i).plus(run.stages.get(i)));
            }
            run.steps.forEach(s -> steps.merge(s.name(), s, StepResult::plus));
            latency.add(run.latency);
            run.statusCodes.forEach((code, n) -> statuses.merge(code, n, Long::sum));
            run.errorKinds.forEach((kind, n) -> kinds.merge(kind, n, Long::sum));
            run.timeline.forEach(s -> seconds.merge(s.second(), s, TimelineSecond::plus));
            requests += run.requests;
            errors += run.errors;
            bytes += run.bytes;
            users += run.users;
            rate += run.rate;
            measured = measured.compareTo(run.measured) >= 0 ? measured : run.measured;
            lateness = lateness.plus(run.lateness);
            started = started.isBefore(run.started) ? started : run.started;
        }
        return new LoadResult(
                first.target,
                first.model,
                users,
                rate,
                started,
                measured,
                requests,
                errors,
                bytes,
                latency,
                statuses,
                kinds,
                lateness,
                new ArrayList<>(seconds.values()),
                List.of(),
                null,
                List.copyOf(steps.values()),
                stages,
                protocols,
                null,
                first.shard == null ? null : first.runId,
                ServerMetrics.merge(runs.stream().map(LoadResult::server).toList()));
    }

    /** The protocols negotiated, e.g. {@code h2 (4 connections)}; empty when not known. */
    public String describeProtocols() {
        StringBuilder text = new StringBuilder();
        protocols.forEach((protocol, n) -> text.append(text.isEmpty() ? "" : ", ")
                .append(protocol)
                .append(" (")
                .append(n)
                .append(n == 1 ? " connection)" : " connections)"));
        return text.toString();
    }
}
