package dev.keelson.reference.platform.paging;

import dev.keelson.reference.platform.errors.ApiException;
import dev.keelson.reference.platform.errors.ErrorCode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sort orders a list allows: {@code createdAt} always (the default is {@code -createdAt}, newest first), and the
 * fields added with {@link #and}. Each needs an index on {@code (column, id)} over live rows, which the list's
 * migration creates.
 */
public final class Sorts<T> {
    private final String list;
    private final Function<T, UUID> id;
    private final Map<String, SortField<T>> fields;

    private Sorts(String list, Function<T, UUID> id, Map<String, SortField<T>> fields) {
        this.list = list;
        this.id = id;
        this.fields = fields;
    }

    /** The sorts of {@code list} (its table's name), whose rows have {@code id} and {@code createdAt}. */
    public static <T> Sorts<T> of(String list, Function<T, UUID> id, Function<T, Instant> createdAt) {
        Map<String, SortField<T>> fields = new LinkedHashMap<>();
        fields.put("createdAt", new SortField<>("createdAt", "created_at", "timestamptz", false, createdAt));
        return new Sorts<>(list, id, fields);
    }

    /** These sorts and one more field; see {@link SortField}. */
    public Sorts<T> and(String name, String column, String sqlType, boolean nullable, Function<T, ?> value) {
        Map<String, SortField<T>> more = new LinkedHashMap<>(fields);
        more.put(name, new SortField<>(name, column, sqlType, nullable, value));
        return new Sorts<>(list, id, more);
    }

    /** {@code sort=price} (ascending) or {@code sort=-price}; {@code null} is {@code -createdAt}; else a 400. */
    public Sort<T> parse(String sort) {
        String text = sort == null || sort.isBlank() ? "-createdAt" : sort.strip();
        boolean ascending = !text.startsWith("-");
        SortField<T> field = fields.get(ascending ? text : text.substring(1));
        if (field == null) {
            throw new ApiException(
                    ErrorCode.VALIDATION, "sort must be one of " + allowed() + " (a leading - sorts descending)");
        }
        return new Sort<>(list, field, ascending, id);
    }

    /** {@code createdAt, -createdAt, price, -price}. */
    public String allowed() {
        return fields.keySet().stream().map(f -> f + ", -" + f).collect(Collectors.joining(", "));
    }
}
