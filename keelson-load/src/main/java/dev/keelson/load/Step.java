package dev.keelson.load;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request of a scenario. Text fields may contain {@code ${name}} placeholders, filled from the current CSV row
 * and from values extracted by earlier steps.
 *
 * @param name    shown in errors
 * @param method  HTTP method, upper case
 * @param path    path and query on the target, starting with {@code /}
 * @param headers request headers, in order
 * @param body    request body, or {@code null}
 * @param expect  the status this step expects, or 0 for "any status below 400"
 * @param extract variable name to RFC 6901 JSON pointer into the response body
 * @param think   pause after this step before the next request of the same virtual user
 * @param checks  checks on the response beyond its status
 * @param rawBody request body sent byte for byte (a file, possibly binary), no placeholders filled; {@code null}
 *                unless {@code body} is; do not modify
 */
public record Step(
        String name,
        String method,
        String path,
        Map<String, String> headers,
        String body,
        int expect,
        Map<String, String> extract,
        Duration think,
        List<Check> checks,
        byte[] rawBody) {

    /** A step with a text body (or none). */
    public Step(
            String name,
            String method,
            String path,
            Map<String, String> headers,
            String body,
            int expect,
            Map<String, String> extract,
            Duration think,
            List<Check> checks) {
        this(name, method, path, headers, body, expect, extract, think, checks, null);
    }

    /** A step without checks beyond its status. */
    public Step(
            String name,
            String method,
            String path,
            Map<String, String> headers,
            String body,
            int expect,
            Map<String, String> extract,
            Duration think) {
        this(name, method, path, headers, body, expect, extract, think, List.of());
    }

    public Step {
        Objects.requireNonNull(name, "name");
        if (method == null || !method.matches("[A-Z]+")) {
            throw new IllegalArgumentException("step '" + name + "': method must be an upper-case HTTP method");
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("step '" + name + "': path must start with /");
        }
        if (expect != 0 && (expect < 100 || expect > 599)) {
            throw new IllegalArgumentException("step '" + name + "': expect must be an HTTP status 100..599");
        }
        for (var header : (headers == null ? Map.<String, String>of() : headers).entrySet()) {
            if (header.getKey() == null || header.getValue() == null) {
                throw new IllegalArgumentException("step '" + name + "': header " + header.getKey() + " needs a value");
            }
        }
        for (var pointer : (extract == null ? Map.<String, String>of() : extract).entrySet()) {
            if (pointer.getKey() == null
                    || pointer.getValue() == null
                    || !pointer.getValue().startsWith("/")) {
                throw new IllegalArgumentException("step '" + name + "': extract." + pointer.getKey()
                        + " must be a JSON pointer starting with /, e.g. /token");
            }
        }
        if (body != null && rawBody != null) {
            throw new IllegalArgumentException("step '" + name + "': give a text body or raw bytes, not both");
        }
        rawBody = rawBody == null ? null : rawBody.clone();
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        extract = extract == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extract));
        think = think == null ? Duration.ZERO : think;
        checks = checks == null ? List.of() : List.copyOf(checks);
        for (Check check : checks) {
            String pointer = switch (check) {
                case Check.JsonEquals e -> e.pointer();
                case Check.JsonExists e -> e.pointer();
                case Check.BodyContains c -> "/";
            };
            if (!pointer.startsWith("/")) {
                throw new IllegalArgumentException("step '" + name + "': check " + check.describe()
                        + ": the JSON pointer must start with /, e.g. /status");
            }
        }
    }

    /** True when this step must read the response body. */
    public boolean needsBody() {
        return !extract.isEmpty() || !checks.isEmpty();
    }

    /** True when any text of this step contains a placeholder. */
    public boolean hasPlaceholders() {
        if (path.contains("${") || (body != null && body.contains("${"))) return true;
        return headers.values().stream().anyMatch(v -> v.contains("${"));
    }
}
