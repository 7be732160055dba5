package dev.keelson.reference.platform.paging;

import dev.keelson.reference.platform.database.Rows;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of one page of a keyset-paged list, sorted by {@code (column, id)} of a {@link Sort}: the live rows of a table (soft
 * deleted ones, {@code deleted_at} set, are never listed), the filters that apply, the position after a
 * {@link Cursor}, and one row more than the page shows (what {@link Page#of} expects). Parameters are named; an
 * optional filter is written {@code (CAST(:status AS text) IS NULL OR status = :status)}, so one statement text
 * serves every combination of filters.
 */
public final class KeysetQuery {
    private final StringBuilder sql;
    private final Map<String, Object> params = new HashMap<>();
    private Sort<?> sort;
    private Cursor after;

    private KeysetQuery(String select) {
        this.sql = new StringBuilder(select);
    }

    /** {@code SELECT columns FROM table} of the rows not soft-deleted. */
    public static KeysetQuery select(String columns, String table) {
        return new KeysetQuery("SELECT " + columns + " FROM " + table + " WHERE deleted_at IS NULL");
    }

    /** Adds {@code AND condition}, verbatim; bind its named parameters with {@link #param}. */
    public KeysetQuery where(String condition) {
        sql.append(" AND ").append(condition);
        return this;
    }

    /** The value of the named parameter {@code :name} (may be {@code null}). */
    public KeysetQuery param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** Only rows whose {@code column} equals {@code value}, of SQL type {@code sqlType}; every row when null. */
    public KeysetQuery whereEquals(String column, String sqlType, Object value) {
        return where("(CAST(:" + column + " AS " + sqlType + ") IS NULL OR " + column + " = :" + column + ")")
                .param(column, value);
    }

    /** Only rows whose {@code timestamptz} {@code column} is {@code from} or later; every row when null. */
    public KeysetQuery whereFrom(String column, Instant from) {
        String name = column + "_from";
        return where("(CAST(:" + name + " AS timestamptz) IS NULL OR " + column + " >= :" + name + ")")
                .param(name, Rows.utc(from));
    }

    /** Only rows whose {@code timestamptz} {@code column} is before {@code to}; every row when null. */
    public KeysetQuery whereBefore(String column, Instant to) {
        String name = column + "_to";
        return where("(CAST(:" + name + " AS timestamptz) IS NULL OR " + column + " < :" + name + ")")
                .param(name, Rows.utc(to));
    }

    /** The order of the rows ({@code null}: newest first) and the position to continue after ({@code null}: the start). */
    public KeysetQuery sorted(Sort<?> sort, Cursor after) {
        this.sort = after == null ? sort : Objects.requireNonNull(sort, "a cursor needs the sort it was made for");
        this.after = after;
        return this;
    }

    /** Up to {@code limit + 1} rows: the page, and one more when a next page exists. */
    public <T> List<T> fetch(JdbcClient jdbc, int limit, RowMapper<T> mapper) {
        StringBuilder text = new StringBuilder(sql);
        Map<String, Object> values = new HashMap<>(params);
        String column = sort == null ? "created_at" : sort.field().column();
        boolean ascending = sort != null && sort.ascending();
        if (after != null) {
            text.append(" AND ").append(position(column, ascending));
            if (after.value() != null) {
                values.put("after_value", after.value());
            }
            values.put("after_id", after.id());
        }
        String direction = ascending ? " ASC" : " DESC";
        text.append(" ORDER BY ")
                .append(column)
                .append(direction)
                .append(", id")
                .append(direction)
                .append(" LIMIT :limit");
        values.put("limit", limit + 1);
        return jdbc.sql(text.toString()).params(values).query(mapper).list();
    }

    /**
     * The rows after the cursor. PostgreSQL sorts NULL above every value (last ascending, first descending), the order
     * a plain index on {@code (column, id)} has in both directions; a row comparison with NULL is never true, so NULLs
     * are added or excluded by name.
     */
    private String position(String column, boolean ascending) {
        String op = ascending ? ">" : "<";
        if (after.value() == null) {
            return ascending
                    ? "(" + column + " IS NULL AND id > :after_id)"
                    : "(" + column + " IS NOT NULL OR id < :after_id)";
        }
        String past = "(" + column + ", id) " + op + " (CAST(:after_value AS "
                + sort.field().sqlType() + "), :after_id)";
        return ascending && sort.field().nullable() ? "(" + past + " OR " + column + " IS NULL)" : past;
    }
}
