package dev.keelson.load;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * What one stage of a ramping run measured (the seconds that fell within it).
 *
 * @param number   1-based
 * @param stage    the stage as configured
 * @param model    closed (target is users) or open (target is a rate)
 * @param requests responses in the stage
 * @param errors   failed requests in the stage
 * @param latency  latency histogram of the stage, microseconds; do not modify
 */
public record StageResult(int number, Stage stage, Model model, long requests, long errors, Histogram latency) {
    /** Responses per second over the stage. */
    public double requestsPerSecond() {
        double seconds = stage.duration().toNanos() / 1e9;
        return seconds <= 0 ? 0 : requests / seconds;
    }

    /** Latency at a percentile, microseconds; 0 without responses. */
    public long percentileMicros(double percentile) {
        return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(percentile);
    }

    /**
     * Adds the same stage of a simultaneous run on another machine (merge): responses, errors and histograms add,
     * and so do the targets, as the users and rates of the runs do.
     */
    StageResult plus(StageResult other) {
        Histogram sum = latency.copy();
        sum.add(other.latency);
        return new StageResult(
                number,
                new Stage(stage.duration(), stage.target() + other.stage.target()),
                model,
                requests + other.requests,
                errors + other.errors,
                sum);
    }

    /** The stage's length, for reports. */
    public Duration duration() {
        return stage.duration();
    }
}
