package dev.keelson.load.internal;

/** The open model's timetable: when slot {@code k} (0-based) is due, in nanoseconds from the start. */
interface Schedule {
    /** {@link Long#MAX_VALUE} for a slot that never comes (after the last stage). */
    long slot(long k);
}
