package dev.keelson.load.internal;

/**
 * The open model's fixed timetable: slot {@code k} of a constant {@code rate}, reached linearly over a ramp-up.
 * With ramp-up {@code T} the rate grows as {@code R·t/T}, so {@code k = R·t²/(2T)} requests are due by time
 * {@code t < T}, and after it one every {@code 1/R} seconds. Times are nanoseconds from the start.
 */
final class ConstantRateSchedule implements Schedule {
    private final double ratePerNano;
    private final double rampNanos;
    private final double rampSlots;

    ConstantRateSchedule(double perSecond, long rampUpNanos) {
        this.ratePerNano = perSecond / 1e9;
        this.rampNanos = rampUpNanos;
        this.rampSlots = ratePerNano * rampNanos / 2;
    }

    /** When slot {@code k} (0-based) is due, in nanoseconds from the start. */
    @Override
    public long slot(long k) {
        if (k < rampSlots) {
            return (long) Math.sqrt(2 * rampNanos * k / ratePerNano);
        }
        return (long) (rampNanos + (k - rampSlots) / ratePerNano);
    }
}
