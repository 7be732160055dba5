package dev.keelson.reference.platform.paging;

import dev.keelson.reference.platform.database.Rows;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of one page of a keyset-paged list, sorted by {@code (created_at, id)}: the live rows of a table (soft
 * deleted ones, {@code deleted_at} set, are never listed), the filters that apply, the position after a
 * {@link Cursor}, and one row more than the page shows (what {@link Page#of} expects). Optional filters are written
 * as {@code (CAST(? AS type) IS NULL OR column = ?)}, so one statement text serves every combination of filters.
 */
public final class KeysetQuery {
    private final StringBuilder sql;
    private final List<Object> params = new ArrayList<>();
    private Cursor after;
    private boolean ascending;

    private KeysetQuery(String select) {
        this.sql = new StringBuilder(select);
    }

    /** {@code SELECT columns FROM table} of the rows not soft-deleted. */
    public static KeysetQuery select(String columns, String table) {
        return new KeysetQuery("SELECT " + columns + " FROM " + table + " WHERE deleted_at IS NULL");
    }

    /** Adds {@code AND condition}, verbatim, with the values of its {@code ?} in order. */
    public KeysetQuery where(String condition, Object... values) {
        sql.append(" AND ").append(condition);
        params.addAll(Arrays.asList(values));
        return this;
    }

    /** Only rows whose {@code column} equals {@code value}, a {@code sqlType} ("text", "uuid"); none when null. */
    public KeysetQuery whereEquals(String column, String sqlType, Object value) {
        return where("(CAST(? AS " + sqlType + ") IS NULL OR " + column + " = ?)", value, value);
    }

    /** Only rows whose {@code timestamptz column} is {@code from} or later; none when null. */
    public KeysetQuery whereFrom(String column, Instant from) {
        return where("(CAST(? AS timestamptz) IS NULL OR " + column + " >= ?)", Rows.utc(from), Rows.utc(from));
    }

    /** Only rows whose {@code timestamptz column} is before {@code to}; none when null. */
    public KeysetQuery whereBefore(String column, Instant to) {
        return where("(CAST(? AS timestamptz) IS NULL OR " + column + " < ?)", Rows.utc(to), Rows.utc(to));
    }

    /** The direction ({@code ascending}: oldest first) and the position to continue after ({@code null}: the start). */
    public KeysetQuery after(Cursor cursor, boolean ascending) {
        this.after = cursor;
        this.ascending = ascending;
        return this;
    }

    /** Up to {@code limit + 1} rows: the page, and one more when a next page exists. */
    public <T> List<T> fetch(JdbcClient jdbc, int limit, RowMapper<T> mapper) {
        List<Object> values = new ArrayList<>(params);
        StringBuilder text = new StringBuilder(sql);
        if (after != null) {
            text.append(ascending ? " AND (created_at, id) > (?, ?)" : " AND (created_at, id) < (?, ?)");
            values.add(Rows.utc(after.createdAt()));
            values.add(after.id());
        }
        String direction = ascending ? "ASC" : "DESC";
        text.append(" ORDER BY created_at ").append(direction).append(", id ").append(direction).append(" LIMIT ?");
        values.add(limit + 1);
        return jdbc.sql(text.toString()).params(values).query(mapper).list();
    }
}
