package dev.keelson.reference.platform.paging;

import java.util.function.Function;

/**
 * A field a list may sort on.
 *
 * @param name     its name in the API ({@code sort=name} or {@code sort=-name})
 * @param column   its column; the table has an index on {@code (column, id)} over live rows
 * @param sqlType  the column's SQL type, which a cursor's value is cast to
 * @param nullable the column may be NULL: NULLs sort after every value ascending, before every value descending
 * @param value    the field's value in a row
 */
public record SortField<T>(String name, String column, String sqlType, boolean nullable, Function<T, ?> value) {}
