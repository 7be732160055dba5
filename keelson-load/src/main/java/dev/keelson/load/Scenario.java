package dev.keelson.load;

import dev.keelson.load.internal.ScenarioFile;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What each virtual user does, over and over: its steps in order, on one keep-alive connection to {@code target}.
 *
 * @param target the scheme, host and port every step goes to ({@code http://host:8080})
 * @param steps  at least one step
 * @param feed   rows of variables (from a CSV file), one row per iteration, round robin; empty for none
 * @param ramp   the file's stages, or {@code null}
 */
public record Scenario(URI target, List<Step> steps, List<Map<String, String>> feed, Ramp ramp) {
    /** A scenario without stages. */
    public Scenario(URI target, List<Step> steps, List<Map<String, String>> feed) {
        this(target, steps, feed, null);
    }

    public Scenario {
        Objects.requireNonNull(target, "target");
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one step");
        }
        steps = List.copyOf(steps);
        feed = feed == null ? List.of() : List.copyOf(feed);
    }

    /** A scenario of one request to {@code url}, as {@code keelson load URL} sends. */
    public static Scenario single(URI url, String method, Map<String, String> headers, String body) {
        return single(url, method, headers, body, null);
    }

    /** A scenario of one request to {@code url} whose body is {@code rawBody}, sent byte for byte. */
    public static Scenario single(URI url, String method, Map<String, String> headers, String body, byte[] rawBody) {
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty()) ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) path += "?" + url.getRawQuery();
        URI target = URI.create(url.getScheme() + "://" + url.getRawAuthority());
        return new Scenario(
                target,
                List.of(new Step(method, method, path, headers, body, 0, Map.of(), null, List.of(), rawBody)),
                null);
    }

    /**
     * Reads a scenario YAML file (format in docs/load.md).
     *
     * @throws LoadException with {@link LoadErrorCode#BAD_SCENARIO} naming file and line when it is invalid
     */
    public static Scenario load(Path file) {
        return ScenarioFile.read(file);
    }

    /** True when every iteration sends the very same bytes, so the request can be encoded once. */
    public boolean isStatic() {
        return steps.size() == 1
                && feed.isEmpty()
                && !steps.get(0).hasPlaceholders()
                && !steps.get(0).needsBody()
                && steps.get(0).think().isZero()
                && steps.get(0).expect() == 0;
    }
}
