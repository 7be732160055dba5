package dev.keelson.reference.platform.http;

import dev.keelson.reference.platform.paging.Page;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** A list page: its items as {@code data}, {@code limit} and (unless it is the last page) {@code nextCursor}. */
    public static <T> Envelope<List<T>> page(Page<T> page) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("limit", page.limit());
        if (page.hasNext()) {
            meta.put("nextCursor", page.nextCursor());
        }
        return new Envelope<>(page.items(), meta);
    }
}
