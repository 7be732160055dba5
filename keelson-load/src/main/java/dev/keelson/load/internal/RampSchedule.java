package dev.keelson.load.internal;

import dev.keelson.load.Ramp;
import dev.keelson.load.Stage;

/**
 * The open model's timetable under stages (k6's ramping-arrival-rate): within a stage the rate moves in a straight
 * line from {@code r0} to {@code r1} over {@code D}, so {@code N(τ) = C0 + r0·τ + (r1 − r0)·τ²/(2D)} slots are due
 * {@code τ} into it; slot {@code k} is at the root of {@code N(τ) = k}. After the last stage no slot is due.
 */
final class RampSchedule implements Schedule {
    private final double[] starts;
    private final double[] lengths;
    private final double[] fromRates;
    private final double[] toRates;
    private final double[] slotsBefore;

    /** {@code share}: this worker's part of the rate (its connections over all). */
    RampSchedule(Ramp ramp, double share) {
        int n = ramp.stages().size();
        starts = new double[n];
        lengths = new double[n];
        fromRates = new double[n];
        toRates = new double[n];
        slotsBefore = new double[n + 1];
        double start = 0, from = 0;
        for (int i = 0; i < n; i++) {
            Stage stage = ramp.stages().get(i);
            starts[i] = start;
            lengths[i] = stage.duration().toNanos();
            fromRates[i] = from * share / 1e9;
            toRates[i] = stage.target() * share / 1e9;
            slotsBefore[i + 1] = slotsBefore[i] + (fromRates[i] + toRates[i]) / 2 * lengths[i];
            start += lengths[i];
            from = stage.target();
        }
    }

    @Override
    public long slot(long k) {
        for (int i = 0; i < starts.length; i++) {
            if (k < slotsBefore[i + 1]) return (long) (starts[i] + into(i, k - slotsBefore[i]));
        }
        return Long.MAX_VALUE;
    }

    /** Nanoseconds into stage {@code i} when {@code n} of its slots are due. */
    private double into(int i, double n) {
        double a = (toRates[i] - fromRates[i]) / (2 * lengths[i]), b = fromRates[i];
        if (Math.abs(a) < 1e-30) return n / b;
        return (-b + Math.sqrt(b * b + 4 * a * n)) / (2 * a);
    }
}
