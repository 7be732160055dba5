package dev.keelson.load;

import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The figures a whole run ({@link LoadResult}) and each scenario step ({@link StepResult}) have alike, and what
 * thresholds are checked against.
 */
public sealed interface Figures permits LoadResult, StepResult {
    /** Responses received (each has a latency). */
    long requests();

    /** Failed requests, all kinds. */
    long errors();

    /** Failures per kind. */
    Map<ErrorKind, Long> errorKinds();

    /** Latencies of the responses, microseconds; do not modify. */
    Histogram latency();

    /** How long the measured part of the run lasted. */
    Duration measured();

    /** Responses per second over the measured time. */
    default double requestsPerSecond() {
        double seconds = measured().toNanos() / 1e9;
        return seconds <= 0 ? 0 : requests() / seconds;
    }

    /**
     * Every request that was due: each got a response or failed in one way ({@link ErrorKind}: refused, reset,
     * timed out, unfinished, never sent...). A scenario's {@link ErrorKind#UNEXPECTED} answers are responses too.
     */
    default long due() {
        return requests() + unanswered();
    }

    /** Due requests that got no response at all. */
    default long unanswered() {
        return errors() - errorKinds().getOrDefault(ErrorKind.UNEXPECTED, 0L);
    }

    /** Failed requests as a share (0..1) of every request that was due. */
    default double errorRatio() {
        long due = due();
        return due == 0 ? 0 : (double) errors() / due;
    }

    /** Latency of the responses at a percentile (0..100), microseconds; 0 without responses. */
    default long percentileMicros(double percentile) {
        return latency().getTotalCount() == 0 ? 0 : latency().getValueAtPercentile(percentile);
    }

    /**
     * Latency at a percentile (0..100) of every due request, microseconds, where a request without a response
     * counts as slower than every answer: {@link Double#POSITIVE_INFINITY} when the percentile falls among them
     * (or nothing was due). This is what thresholds check, so a server that does not answer cannot pass one.
     */
    default double percentileOfDueMicros(double percentile) {
        long answered = latency().getTotalCount();
        long due = answered + unanswered();
        if (answered == 0) return Double.POSITIVE_INFINITY;
        double within = percentile * due / answered;
        return within > 100 ? Double.POSITIVE_INFINITY : latency().getValueAtPercentile(within);
    }
}
