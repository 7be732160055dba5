package dev.keelson.load;

/**
 * Open-model requests that went out later than their slot in the schedule (by more than {@link #TOLERANCE_MICROS}),
 * because every connection was busy or the generator fell behind. Their latency still counts from the slot.
 *
 * @param count      how many requests were sent late
 * @param meanMicros mean delay of the late ones, microseconds
 * @param maxMicros  largest delay, microseconds
 */
public record Lateness(long count, double meanMicros, long maxMicros) {
    /** A request sent within this many microseconds of its slot is on time. */
    public static final long TOLERANCE_MICROS = 1_000;

    public static final Lateness NONE = new Lateness(0, 0, 0);

    /** Combines the lateness of two runs (merge). */
    public Lateness plus(Lateness other) {
        long total = count + other.count;
        double mean = total == 0 ? 0 : (meanMicros * count + other.meanMicros * other.count) / total;
        return new Lateness(total, mean, Math.max(maxMicros, other.maxMicros));
    }
}
