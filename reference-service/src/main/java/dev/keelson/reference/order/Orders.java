package dev.keelson.reference.order;

import dev.keelson.reference.platform.caller.Ownership;
import dev.keelson.reference.platform.database.IdGenerator;
import dev.keelson.reference.platform.database.Rows;
import dev.keelson.reference.platform.paging.Cursor;
import dev.keelson.reference.platform.paging.KeysetQuery;
import dev.keelson.reference.platform.paging.Sort;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code orders} and {@code order_lines} tables. Soft-deleted orders are invisible. Lists are always bounded by a
 * limit. Every read takes an owner filter: only that owner's orders, or every order when it is {@code null}
 * ({@link Ownership} says how orders store their owner).
 */
@Repository
class Orders {
    private final JdbcClient jdbc;
    private final IdGenerator ids;
    private final Ownership ownership;
    private final String columns;

    Orders(JdbcClient jdbc, IdGenerator ids, Ownership ownership) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.ownership = ownership;
        this.columns = ownership.selectOwner() + ", id, status, currency, total, note, version, created_at, updated_at";
    }

    /** What a list asks for: the owner filter, filters, position and page size. */
    record Query(
            UUID ownerFilter,
            OrderStatus status,
            Instant createdFrom,
            Instant createdTo,
            Sort<Order> sort,
            Cursor after,
            int limit) {}

    /** Inserts an order of {@code owner} and its lines (call inside a transaction) and returns it as stored. */
    Order insert(UUID owner, String currency, BigDecimal total, String note, List<Order.Line> lines) {
        Order order = jdbc.sql("INSERT INTO orders (" + ownership.ownerColumn() + "id, status, currency, total, note) "
                        + "VALUES (" + ownership.ownerValue() + ":id, 'PLACED', :currency, :total, :note) "
                        + "RETURNING " + columns)
                .param("owner", owner)
                .param("id", ids.next())
                .param("currency", currency)
                .param("total", total)
                .param("note", note)
                .query(Orders::map)
                .single();
        for (Order.Line line : lines) {
            jdbc.sql("INSERT INTO order_lines (id, order_id, line_no, product, quantity, unit_price, line_total) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            ids.next(),
                            order.id(),
                            line.lineNo(),
                            line.product(),
                            line.quantity(),
                            line.unitPrice(),
                            line.lineTotal())
                    .update();
        }
        return order.withLines(lines);
    }

    Optional<Order> find(UUID ownerFilter, UUID id) {
        return jdbc.sql("SELECT " + columns + " FROM orders WHERE id = :id AND deleted_at IS NULL AND "
                        + ownership.reachable())
                .param("id", id)
                .param("ownerFilter", ownerFilter)
                .query(Orders::map)
                .optional()
                .map(o -> o.withLines(lines(o.id())));
    }

    /** Up to {@code query.limit() + 1} orders in the query's sort order after the cursor. */
    List<Order> list(Query q) {
        return KeysetQuery.select(columns, "orders")
                .where(ownership.reachable())
                .param("ownerFilter", q.ownerFilter())
                .whereEquals(
                        "status", "text", q.status() == null ? null : q.status().name())
                .whereFrom("created_at", q.createdFrom())
                .whereBefore("created_at", q.createdTo())
                .sorted(q.sort(), q.after())
                .fetch(jdbc, q.limit(), Orders::map);
    }

    /** Sets the note if the version still matches; the updated order, or empty when it did not match. */
    Optional<Order> updateNote(UUID ownerFilter, UUID id, int expectedVersion, String note) {
        return jdbc.sql("UPDATE orders SET note = :note, version = version + 1, updated_at = now() "
                        + "WHERE id = :id AND version = :version AND deleted_at IS NULL AND " + ownership.reachable()
                        + " RETURNING " + columns)
                .param("note", note)
                .param("id", id)
                .param("version", expectedVersion)
                .param("ownerFilter", ownerFilter)
                .query(Orders::map)
                .optional()
                .map(o -> o.withLines(lines(o.id())));
    }

    /** Cancels a placed order at {@code expectedVersion}; empty when the order changed or is not placed. */
    Optional<Order> cancel(UUID id, int expectedVersion) {
        return jdbc.sql("UPDATE orders SET status = 'CANCELLED', version = version + 1, updated_at = now() "
                        + "WHERE id = ? AND version = ? AND status = 'PLACED' AND deleted_at IS NULL RETURNING "
                        + columns)
                .params(id, expectedVersion)
                .query(Orders::map)
                .optional()
                .map(o -> o.withLines(lines(o.id())));
    }

    boolean softDelete(UUID ownerFilter, UUID id) {
        return jdbc.sql("UPDATE orders SET deleted_at = now(), updated_at = now(), version = version + 1 "
                                + "WHERE id = :id AND deleted_at IS NULL AND " + ownership.reachable())
                        .param("id", id)
                        .param("ownerFilter", ownerFilter)
                        .update()
                == 1;
    }

    private List<Order.Line> lines(UUID orderId) {
        return jdbc.sql("SELECT line_no, product, quantity, unit_price, line_total FROM order_lines "
                        + "WHERE order_id = ? ORDER BY line_no LIMIT 1000")
                .param(orderId)
                .query((rs, row) -> new Order.Line(
                        rs.getInt("line_no"),
                        rs.getString("product"),
                        rs.getInt("quantity"),
                        rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("line_total")))
                .list();
    }

    private static Order map(ResultSet rs, int row) throws SQLException {
        return new Order(
                Rows.uuid(rs, "owner_id"),
                Rows.uuid(rs, "id"),
                Rows.enumValue(rs, "status", OrderStatus.class),
                rs.getString("currency"),
                rs.getBigDecimal("total"),
                rs.getString("note"),
                rs.getInt("version"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"),
                List.of());
    }
}
