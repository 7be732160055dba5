package dev.keelson.load.internal;

import dev.keelson.load.ErrorKind;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One event loop's measurements, written only by that loop without allocating, read once a second by the sampler,
 * on the same loop so that a response's latency and its status are always read together: latency and lateness
 * {@link SingleWriterRecorder}s (microseconds) and cumulative counters.
 */
final class Meter {
    /** Largest latency recorded: one hour in microseconds; longer values are clamped. */
    static final long HIGHEST_MICROS = 3_600_000_000L;

    final SingleWriterRecorder latency = new SingleWriterRecorder(HIGHEST_MICROS, 3);
    final SingleWriterRecorder lateness = new SingleWriterRecorder(HIGHEST_MICROS, 3);
    final AtomicLongArray statuses = new AtomicLongArray(600);
    final AtomicLongArray errors = new AtomicLongArray(ErrorKind.values().length);
    final AtomicLong bytes = new AtomicLong();
    /** Answers, warm-up included, and the time from sending each to its answer: the server's answer time. */
    final AtomicLong answers = new AtomicLong();

    final AtomicLong answerNanos = new AtomicLong();
    /** The loop that writes this meter. */
    final EventExecutor loop;
    /** Per scenario step, when there are several; empty for one step, whose figures are the totals. */
    final StepMeter[] steps;

    Meter(EventExecutor loop, int steps) {
        this.loop = loop;
        this.steps = new StepMeter[steps > 1 ? steps : 0];
        for (int i = 0; i < this.steps.length; i++) this.steps[i] = new StepMeter();
    }

    void response(int step, int status, long latencyNanos) {
        long micros = clamp(latencyNanos / 1_000);
        latency.recordValue(micros);
        statuses.lazySet(status, statuses.get(status) + 1);
        if (steps.length > 0) {
            steps[step].latency.recordValue(micros);
            steps[step].responses.lazySet(steps[step].responses.get() + 1);
        }
    }

    void answerTime(long nanos) {
        answers.lazySet(answers.get() + 1);
        answerNanos.lazySet(answerNanos.get() + nanos);
    }

    void late(long lateNanos) {
        lateness.recordValue(clamp(lateNanos / 1_000));
    }

    void error(int step, ErrorKind kind) {
        errors(step, kind, 1);
    }

    void errors(int step, ErrorKind kind, long n) {
        if (n <= 0) return;
        errors.addAndGet(kind.ordinal(), n);
        if (steps.length > 0) steps[step].errors.addAndGet(kind.ordinal(), n);
    }

    void received(int n) {
        bytes.lazySet(bytes.get() + n);
    }

    private static long clamp(long micros) {
        return Math.max(0, Math.min(micros, HIGHEST_MICROS));
    }
}
