package dev.keelson.load;

import java.time.Duration;
import java.util.List;

/**
 * Stages that shape a run: users over time in the closed model (k6's ramping-vus), requests per second over time
 * in the open model (ramping-arrival-rate). The run lasts as long as its stages together.
 *
 * @param model  {@link Model#CLOSED} when the targets are users, {@link Model#OPEN} when they are rates
 * @param stages at least one
 */
public record Ramp(Model model, List<Stage> stages) {
    public Ramp {
        if (stages == null || stages.isEmpty())
            throw new LoadException(LoadErrorCode.BAD_CONFIG, "a ramp needs a stage");
        stages = List.copyOf(stages);
    }

    /** Builds a ramp from stages parsed from {@code 30s:200} or {@code 30s:200/s}; all must be of one kind. */
    public static Ramp of(List<Stage.Parsed> parsed) {
        boolean rate = parsed.get(0).rate();
        if (parsed.stream().anyMatch(p -> p.rate() != rate)) {
            throw new LoadException(
                    LoadErrorCode.BAD_CONFIG,
                    "stages are either all users (30s:200) or all rates" + " (30s:200/s), not both");
        }
        return new Ramp(
                rate ? Model.OPEN : Model.CLOSED,
                parsed.stream().map(Stage.Parsed::stage).toList());
    }

    /** All stages together. */
    public Duration duration() {
        return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** The highest target. */
    public double peak() {
        return stages.stream().mapToDouble(Stage::target).max().orElse(0);
    }

    /** The target at {@code nanos} into the run: a straight line within each stage, from 0 before the first. */
    public double targetAt(long nanos) {
        double from = 0;
        long start = 0;
        for (Stage s : stages) {
            long length = s.duration().toNanos();
            if (nanos < start + length) return from + (s.target() - from) * (nanos - start) / length;
            from = s.target();
            start += length;
        }
        return from;
    }
}
