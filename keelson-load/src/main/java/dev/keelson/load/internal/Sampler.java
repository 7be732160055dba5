package dev.keelson.load.internal;

import dev.keelson.load.ErrorKind;
import dev.keelson.load.Lateness;
import dev.keelson.load.LoadListener;
import dev.keelson.load.Model;
import dev.keelson.load.Progress;
import dev.keelson.load.Ramp;
import dev.keelson.load.StageResult;
import dev.keelson.load.StepResult;
import dev.keelson.load.TimelineSecond;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;

/**
 * Once a second, swaps every worker's interval histograms, turns counter deltas into a {@link TimelineSecond},
 * tells the listener, and adds measured (non-warm-up) seconds to the totals. Runs on one thread at a time; each
 * meter is read on its own event loop, between two responses, so a response's latency and status always fall into
 * the same second (read from here, a stalled sampler thread let dozens of responses count their status in one
 * second and their latency in the next, and the warm-up boundary then kept one and not the other).
 */
final class Sampler {
    private final List<Meter> meters;
    private final LoadListener listener;
    private final int warmupSeconds;
    private final Histogram[] recycledLatency;
    private final Histogram[] recycledLateness;
    private final long[][] lastStatuses;
    private final long[][] lastErrors;
    private final long[] lastBytes;
    private final long[][] readStatuses;
    private final long[][] readErrors;
    private final long[] readBytes;
    private int tick;
    private final List<String> stepNames;
    private final Ramp ramp;
    private final Model model;
    private final Histogram[] stageLatency;
    private final long[] stageRequests;
    private final long[] stageErrors;
    /** Errors per kind of all meters as of the last sample, to tell each second's kinds. */
    private final long[] lastKinds = new long[ErrorKind.values().length];

    private final int stepCount;
    private final Histogram[][] recycledSteps;
    private final long[][] readStepResponses;
    private final long[][] lastStepResponses;
    private final long[][][] readStepErrors;
    private final long[][][] lastStepErrors;
    /** Per step (several only): totals of the measured seconds, and each second. */
    final Histogram[] stepLatency;

    final long[] stepResponses;
    final long[][] stepErrors;
    final List<List<TimelineSecond>> stepTimelines = new ArrayList<>();

    final Histogram latency = new Histogram(Meter.HIGHEST_MICROS, 3);
    final Histogram lateness = new Histogram(Meter.HIGHEST_MICROS, 3);
    final long[] statuses = new long[600];
    final long[] errors = new long[ErrorKind.values().length];
    long bytes;
    final List<TimelineSecond> timeline = new ArrayList<>();

    Sampler(
            List<Meter> meters,
            LoadListener listener,
            int warmupSeconds,
            List<String> stepNames,
            Ramp ramp,
            Model model) {
        this.stepNames = stepNames;
        this.ramp = ramp;
        this.model = model;
        int stageCount = ramp == null ? 0 : ramp.stages().size();
        this.stageLatency = new Histogram[stageCount];
        this.stageRequests = new long[stageCount];
        this.stageErrors = new long[stageCount];
        for (int i = 0; i < stageCount; i++) stageLatency[i] = new Histogram(Meter.HIGHEST_MICROS, 3);
        this.meters = meters;
        this.listener = listener;
        this.warmupSeconds = warmupSeconds;
        this.recycledLatency = new Histogram[meters.size()];
        this.recycledLateness = new Histogram[meters.size()];
        this.lastStatuses = new long[meters.size()][600];
        this.lastErrors = new long[meters.size()][errors.length];
        this.lastBytes = new long[meters.size()];
        this.readStatuses = new long[meters.size()][600];
        this.readErrors = new long[meters.size()][errors.length];
        this.readBytes = new long[meters.size()];
        this.stepCount = meters.isEmpty() ? 0 : meters.get(0).steps.length;
        int kinds = ErrorKind.values().length;
        this.recycledSteps = new Histogram[meters.size()][stepCount];
        this.readStepResponses = new long[meters.size()][stepCount];
        this.lastStepResponses = new long[meters.size()][stepCount];
        this.readStepErrors = new long[meters.size()][stepCount][kinds];
        this.lastStepErrors = new long[meters.size()][stepCount][kinds];
        this.stepLatency = new Histogram[stepCount];
        this.stepResponses = new long[stepCount];
        this.stepErrors = new long[stepCount][kinds];
        for (int s = 0; s < stepCount; s++) {
            stepLatency[s] = new Histogram(Meter.HIGHEST_MICROS, 3);
            stepTimelines.add(new ArrayList<>());
        }
    }

    /** Samples the second that just ended. */
    void sample() {
        readAll();
        boolean warmup = tick < warmupSeconds;
        Histogram interval = new Histogram(Meter.HIGHEST_MICROS, 3);
        long requests = 0, failed = 0, received = 0;
        for (int i = 0; i < meters.size(); i++) {
            interval.add(recycledLatency[i]);
            if (!warmup) lateness.add(recycledLateness[i]);
            requests += delta(readStatuses[i], lastStatuses[i], warmup ? null : statuses);
            failed += delta(readErrors[i], lastErrors[i], warmup ? null : errors);
            received += readBytes[i] - lastBytes[i];
            lastBytes[i] = readBytes[i];
        }
        if (!warmup) {
            latency.add(interval);
            bytes += received;
            int stage = stageOf(tick - warmupSeconds);
            if (stage >= 0) {
                stageLatency[stage].add(interval);
                stageRequests[stage] += requests;
                stageErrors[stage] += failed;
            }
        }
        TimelineSecond second = new TimelineSecond(
                tick - warmupSeconds,
                warmup,
                requests,
                failed,
                received,
                interval.getValueAtPercentile(50),
                interval.getValueAtPercentile(90),
                interval.getValueAtPercentile(99),
                interval.getMaxValue());
        List<TimelineSecond> steps = sampleSteps(warmup);
        tick++;
        if (requests > 0 || failed > 0 || !warmup) {
            timeline.add(second);
            for (int s = 0; s < stepCount; s++) stepTimelines.get(s).add(steps.get(s));
            Map<String, TimelineSecond> bySteps = new LinkedHashMap<>();
            for (int s = 0; s < stepCount; s++) bySteps.put(stepNames.get(s), steps.get(s));
            listener.onProgress(new Progress(second, bySteps, kindsThisSecond()));
        }
    }

    private Map<ErrorKind, Long> kindsThisSecond() {
        Map<ErrorKind, Long> kinds = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            long now = 0;
            for (long[] read : readErrors) now += read[kind.ordinal()];
            if (now > lastKinds[kind.ordinal()]) kinds.put(kind, now - lastKinds[kind.ordinal()]);
            lastKinds[kind.ordinal()] = now;
        }
        return kinds;
    }

    /** Each step's second, added to the step's totals unless it is warm-up. */
    private List<TimelineSecond> sampleSteps(boolean warmup) {
        List<TimelineSecond> seconds = new ArrayList<>(stepCount);
        for (int s = 0; s < stepCount; s++) {
            Histogram interval = new Histogram(Meter.HIGHEST_MICROS, 3);
            long responses = 0, failed = 0;
            for (int i = 0; i < meters.size(); i++) {
                interval.add(recycledSteps[i][s]);
                responses += readStepResponses[i][s] - lastStepResponses[i][s];
                lastStepResponses[i][s] = readStepResponses[i][s];
                failed += delta(readStepErrors[i][s], lastStepErrors[i][s], warmup ? null : stepErrors[s]);
            }
            if (!warmup) {
                stepLatency[s].add(interval);
                stepResponses[s] += responses;
            }
            seconds.add(new TimelineSecond(
                    tick - warmupSeconds,
                    warmup,
                    responses,
                    failed,
                    0,
                    interval.getValueAtPercentile(50),
                    interval.getValueAtPercentile(90),
                    interval.getValueAtPercentile(99),
                    interval.getMaxValue()));
        }
        return seconds;
    }

    private void readAll() {
        List<Future<?>> reads = new ArrayList<>(meters.size());
        for (int i = 0; i < meters.size(); i++) {
            int index = i;
            EventExecutor loop = meters.get(i).loop;
            if (loop.isShuttingDown()) {
                read(index); // nothing writes any more
            } else {
                reads.add(loop.submit(() -> read(index)));
            }
        }
        reads.forEach(Future::awaitUninterruptibly);
    }

    /** On meter {@code i}'s loop (or once it stopped): its histograms and counters as of one instant. */
    private void read(int i) {
        Meter m = meters.get(i);
        recycledLatency[i] = m.latency.getIntervalHistogram(recycledLatency[i]);
        recycledLateness[i] = m.lateness.getIntervalHistogram(recycledLateness[i]);
        copy(m.statuses, readStatuses[i]);
        copy(m.errors, readErrors[i]);
        readBytes[i] = m.bytes.get();
        for (int s = 0; s < stepCount; s++) {
            StepMeter step = m.steps[s];
            recycledSteps[i][s] = step.latency.getIntervalHistogram(recycledSteps[i][s]);
            readStepResponses[i][s] = step.responses.get();
            copy(step.errors, readStepErrors[i][s]);
        }
    }

    private static void copy(AtomicLongArray from, long[] to) {
        for (int i = 0; i < to.length; i++) {
            to[i] = from.get(i);
        }
    }

    private static long delta(long[] now, long[] last, long[] total) {
        long sum = 0;
        for (int i = 0; i < last.length; i++) {
            long d = now[i] - last[i];
            if (d != 0) {
                last[i] = now[i];
                sum += d;
                if (total != null) total[i] += d;
            }
        }
        return sum;
    }

    SortedMap<Integer, Long> statusCodes() {
        SortedMap<Integer, Long> map = new TreeMap<>();
        for (int code = 0; code < statuses.length; code++) {
            if (statuses[code] > 0) map.put(code, statuses[code]);
        }
        return map;
    }

    Map<ErrorKind, Long> errorKinds() {
        Map<ErrorKind, Long> map = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            if (errors[kind.ordinal()] > 0) map.put(kind, errors[kind.ordinal()]);
        }
        return map;
    }

    long requests() {
        long sum = 0;
        for (long n : statuses) sum += n;
        return sum;
    }

    long errorCount() {
        long sum = 0;
        for (long n : errors) sum += n;
        return sum;
    }

    /** The stage second {@code t} (covering [t, t+1) s) falls in; the last for the final partial sample; -1 without. */
    private int stageOf(int t) {
        if (ramp == null) return -1;
        double end = 0;
        for (int i = 0; i < ramp.stages().size(); i++) {
            end += ramp.stages().get(i).duration().toNanos() / 1e9;
            if (t + 0.5 < end) return i;
        }
        return ramp.stages().size() - 1;
    }

    List<StageResult> stages() {
        List<StageResult> stages = new ArrayList<>();
        for (int i = 0; i < stageLatency.length; i++) {
            stages.add(new StageResult(
                    i + 1, ramp.stages().get(i), model, stageRequests[i], stageErrors[i], stageLatency[i]));
        }
        return stages;
    }

    /** Each step's result; a single step's are the run's totals. */
    List<StepResult> steps(List<String> names, Duration measured) {
        List<StepResult> steps = new ArrayList<>();
        if (stepCount == 0) {
            steps.add(
                    new StepResult(names.get(0), measured, requests(), errorCount(), latency, errorKinds(), timeline));
            return steps;
        }
        for (int s = 0; s < stepCount; s++) {
            Map<ErrorKind, Long> kinds = new EnumMap<>(ErrorKind.class);
            long failed = 0;
            for (ErrorKind kind : ErrorKind.values()) {
                long n = stepErrors[s][kind.ordinal()];
                if (n > 0) kinds.put(kind, n);
                failed += n;
            }
            steps.add(new StepResult(
                    names.get(s), measured, stepResponses[s], failed, stepLatency[s], kinds, stepTimelines.get(s)));
        }
        return steps;
    }

    Lateness lateness() {
        return lateness.getTotalCount() == 0
                ? Lateness.NONE
                : new Lateness(lateness.getTotalCount(), lateness.getMean(), lateness.getMaxValue());
    }
}
