package dev.keelson.reference.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paged list: the rows shown, the page size asked for, and the signed cursor of the next page
 * ({@code null} on the last page). REST and GraphQL build their pages here, so both have the same limits and cursors.
 */
public record Page<T>(List<T> items, int limit, String nextCursor) {
    /** The largest page any list serves. */
    public static final int MAX_LIMIT = 100;

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page from {@code fetched}, the rows a query returned with {@code LIMIT limit + 1}: the extra row, when
     * present, is not shown and only says that a next page exists, which starts after the last row shown.
     */
    public static <T> Page<T> of(
            List<T> fetched, int limit, Function<? super T, Cursor> position, CursorCodec cursors) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, limit, null);
        }
        List<T> shown = fetched.subList(0, limit);
        return new Page<>(shown, limit, cursors.encode(position.apply(shown.getLast())));
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), limit, nextCursor);
    }

    public boolean hasNext() {
        return nextCursor != null;
    }
}
