package dev.keelson.load;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sampled second of a running test, for live views.
 *
 * @param second     the run's second
 * @param steps      each scenario step's share of it, by name in the scenario's order (empty for one step)
 * @param errorKinds this second's failures per kind
 */
public record Progress(TimelineSecond second, Map<String, TimelineSecond> steps, Map<ErrorKind, Long> errorKinds) {
    public Progress {
        steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
        errorKinds = Collections.unmodifiableMap(
                errorKinds.isEmpty() ? new EnumMap<>(ErrorKind.class) : new EnumMap<>(errorKinds));
    }
}
