package dev.keelson.load;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one scenario step measured (a plain URL run has one step, whose figures are the run's).
 *
 * @param name       the step's name
 * @param measured   how long the measured part of the run lasted
 * @param requests   responses to this step
 * @param errors     this step's failed requests, all kinds (a failed check is {@link ErrorKind#UNEXPECTED})
 * @param latency    latency histogram, microseconds; do not modify
 * @param errorKinds failures per kind
 * @param timeline   one entry per second, as the run's
 */
public record StepResult(
        String name,
        Duration measured,
        long requests,
        long errors,
        Histogram latency,
        Map<ErrorKind, Long> errorKinds,
        List<TimelineSecond> timeline)
        implements Figures {
    public StepResult {
        errorKinds = Collections.unmodifiableMap(
                errorKinds.isEmpty() ? new EnumMap<>(ErrorKind.class) : new EnumMap<>(errorKinds));
        timeline = List.copyOf(timeline);
    }

    /** Adds the same step of another machine's run (merge). */
    StepResult plus(StepResult other) {
        Histogram sum = latency.copy();
        sum.add(other.latency);
        Map<ErrorKind, Long> kinds = new EnumMap<>(ErrorKind.class);
        kinds.putAll(errorKinds);
        other.errorKinds.forEach((k, n) -> kinds.merge(k, n, Long::sum));
        TreeMap<Integer, TimelineSecond> seconds = new TreeMap<>();
        timeline.forEach(s -> seconds.merge(s.second(), s, TimelineSecond::plus));
        other.timeline.forEach(s -> seconds.merge(s.second(), s, TimelineSecond::plus));
        return new StepResult(
                name,
                measured.compareTo(other.measured) >= 0 ? measured : other.measured,
                requests + other.requests,
                errors + other.errors,
                sum,
                kinds,
                List.copyOf(seconds.values()));
    }
}
