package dev.keelson.reference.platform;

import java.util.Map;

/**
 * Every successful body: {@code {"data": ..., "meta": {...}}}. Lists put {@code nextCursor} and {@code limit} in
 * {@code meta}; single resources leave it empty.
 */
public record Envelope<T>(T data, Map<String, Object> meta) {
    public Envelope {
        meta = Map.copyOf(meta);
    }

    public static <T> Envelope<T> of(T data) {
        return new Envelope<>(data, Map.of());
    }
}
