package dev.keelson.load.internal;

import dev.keelson.load.ErrorKind;
import dev.keelson.load.Lateness;
import dev.keelson.load.LoadListener;
import dev.keelson.load.TimelineSecond;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Once a second, swaps every worker's interval histograms, turns counter deltas into a {@link TimelineSecond},
 * tells the listener, and adds measured (non-warm-up) seconds to the totals. Runs on one thread at a time.
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
    private int tick;

    final Histogram latency = new Histogram(Meter.HIGHEST_MICROS, 3);
    final Histogram lateness = new Histogram(Meter.HIGHEST_MICROS, 3);
    final long[] statuses = new long[600];
    final long[] errors = new long[ErrorKind.values().length];
    long bytes;
    final List<TimelineSecond> timeline = new ArrayList<>();

    Sampler(List<Meter> meters, LoadListener listener, int warmupSeconds) {
        this.meters = meters;
        this.listener = listener;
        this.warmupSeconds = warmupSeconds;
        this.recycledLatency = new Histogram[meters.size()];
        this.recycledLateness = new Histogram[meters.size()];
        this.lastStatuses = new long[meters.size()][600];
        this.lastErrors = new long[meters.size()][errors.length];
        this.lastBytes = new long[meters.size()];
    }

    /** Samples the second that just ended. */
    void sample() {
        boolean warmup = tick < warmupSeconds;
        Histogram interval = new Histogram(Meter.HIGHEST_MICROS, 3);
        long requests = 0, failed = 0, received = 0;
        for (int i = 0; i < meters.size(); i++) {
            Meter m = meters.get(i);
            recycledLatency[i] = m.latency.getIntervalHistogram(recycledLatency[i]);
            interval.add(recycledLatency[i]);
            recycledLateness[i] = m.lateness.getIntervalHistogram(recycledLateness[i]);
            if (!warmup) lateness.add(recycledLateness[i]);
            requests += delta(m.statuses, lastStatuses[i], warmup ? null : statuses);
            failed += delta(m.errors, lastErrors[i], warmup ? null : errors);
            long b = m.bytes.get();
            received += b - lastBytes[i];
            lastBytes[i] = b;
        }
        if (!warmup) {
            latency.add(interval);
            bytes += received;
        }
        TimelineSecond second = new TimelineSecond(tick - warmupSeconds, warmup, requests, failed, received,
                interval.getValueAtPercentile(50), interval.getValueAtPercentile(90),
                interval.getValueAtPercentile(99), interval.getMaxValue());
        tick++;
        if (requests > 0 || failed > 0 || !warmup) {
            timeline.add(second);
            listener.onSecond(second);
        }
    }

    private static long delta(java.util.concurrent.atomic.AtomicLongArray now, long[] last, long[] total) {
        long sum = 0;
        for (int i = 0; i < last.length; i++) {
            long v = now.get(i);
            long d = v - last[i];
            if (d != 0) {
                last[i] = v;
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

    Lateness lateness() {
        return lateness.getTotalCount() == 0 ? Lateness.NONE
                : new Lateness(lateness.getTotalCount(), lateness.getMean(), lateness.getMaxValue());
    }
}
