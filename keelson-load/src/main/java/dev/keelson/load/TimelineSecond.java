package dev.keelson.load;

/**
 * One second of a run.
 *
 * @param second    seconds since the measured part of the run began (negative during warm-up)
 * @param warmup    true when this second belongs to the warm-up and is excluded from results
 * @param requests  responses completed in this second
 * @param errors    failed requests in this second
 * @param bytes     bytes received in this second
 * @param p50Micros median latency, microseconds
 * @param p90Micros 90th percentile latency, microseconds
 * @param p99Micros 99th percentile latency, microseconds
 * @param maxMicros maximum latency, microseconds
 */
public record TimelineSecond(
        int second,
        boolean warmup,
        long requests,
        long errors,
        long bytes,
        long p50Micros,
        long p90Micros,
        long p99Micros,
        long maxMicros) {

    /** Adds another machine's same second (merge): counts add, latencies take the worse value. */
    public TimelineSecond plus(TimelineSecond other) {
        return new TimelineSecond(
                second,
                warmup,
                requests + other.requests,
                errors + other.errors,
                bytes + other.bytes,
                Math.max(p50Micros, other.p50Micros),
                Math.max(p90Micros, other.p90Micros),
                Math.max(p99Micros, other.p99Micros),
                Math.max(maxMicros, other.maxMicros));
    }
}
