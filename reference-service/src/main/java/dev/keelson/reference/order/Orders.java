package dev.keelson.reference.order;

import dev.keelson.reference.platform.database.IdGenerator;
import dev.keelson.reference.platform.database.Rows;
import dev.keelson.reference.platform.paging.Cursor;
import dev.keelson.reference.platform.paging.KeysetQuery;
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
 * limit.
 * Every read takes an owner: {@code null} only for admins, who see every order. // keelson:auth
 */
@Repository
class Orders {
    private static final String COLUMNS = String.join(", ",
            "user_id", // keelson:auth
            "id, status, currency, total, note, version, created_at, updated_at");
    /** Only the owner's orders, or every order when the owner parameter is {@code null}. */ // keelson:auth
    private static final String OWNED = " AND (CAST(? AS uuid) IS NULL OR user_id = ?)"; // keelson:auth

    private final JdbcClient jdbc;
    private final IdGenerator ids;

    Orders(JdbcClient jdbc, IdGenerator ids) {
        this.jdbc = jdbc;
        this.ids = ids;
    }

    /** What a list asks for: filters, position and page size, and the owner ({@code null} for all). */
    record Query(
            UUID owner, // keelson:auth
            OrderStatus status, Instant createdFrom, Instant createdTo, Cursor after, boolean ascending, int limit) {}

    /** Inserts an order and its lines (call inside a transaction) and returns it as stored. */
    Order insert(
            UUID owner, // keelson:auth
            String currency, BigDecimal total, String note, List<Order.Line> lines) {
        String columns = String.join(", ",
                "user_id", // keelson:auth
                "id, status, currency, total, note");
        String values = String.join(", ",
                "?", // keelson:auth
                "?, 'PLACED', ?, ?, ?");
        Order order = jdbc.sql("INSERT INTO orders (" + columns + ") VALUES (" + values + ") RETURNING " + COLUMNS)
                .param(owner) // keelson:auth
                .params(ids.next(), currency, total, note)
                .query(Orders::map)
                .single();
        for (Order.Line line : lines) {
            jdbc.sql("INSERT INTO order_lines (id, order_id, line_no, product, quantity, unit_price, line_total) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(ids.next(), order.id(), line.lineNo(), line.product(), line.quantity(), line.unitPrice(),
                            line.lineTotal())
                    .update();
        }
        return order.withLines(lines);
    }

    Optional<Order> find(
            UUID owner, // keelson:auth
            UUID id) {
        String select = "SELECT " + COLUMNS + " FROM orders WHERE id = ? AND deleted_at IS NULL";
        select += OWNED; // keelson:auth
        return jdbc.sql(select)
                .param(id)
                .param(owner).param(owner) // keelson:auth
                .query(Orders::map)
                .optional()
                .map(o -> o.withLines(lines(o.id())));
    }

    /** Up to {@code query.limit() + 1} orders in {@code (created_at, id)} order after the cursor. */
    List<Order> list(Query q) {
        KeysetQuery select = KeysetQuery.select(COLUMNS, "orders");
        select.where("(CAST(? AS uuid) IS NULL OR user_id = ?)", q.owner(), q.owner()); // keelson:auth
        return select.whereEquals("status", "text", q.status() == null ? null : q.status().name())
                .whereFrom("created_at", q.createdFrom())
                .whereBefore("created_at", q.createdTo())
                .after(q.after(), q.ascending())
                .fetch(jdbc, q.limit(), Orders::map);
    }

    /** Sets the note if the version still matches; the updated order, or empty when it did not match. */
    Optional<Order> updateNote(
            UUID owner, // keelson:auth
            UUID id, int expectedVersion, String note) {
        String update = "UPDATE orders SET note = ?, version = version + 1, updated_at = now() "
                + "WHERE id = ? AND version = ? AND deleted_at IS NULL";
        update += OWNED; // keelson:auth
        return jdbc.sql(update + " RETURNING " + COLUMNS)
                .params(note, id, expectedVersion)
                .param(owner).param(owner) // keelson:auth
                .query(Orders::map)
                .optional()
                .map(o -> o.withLines(lines(o.id())));
    }

    /** Cancels a placed order at {@code expectedVersion}; empty when the order changed or is not placed. */
    Optional<Order> cancel(UUID id, int expectedVersion) {
        return jdbc.sql("UPDATE orders SET status = 'CANCELLED', version = version + 1, updated_at = now() "
                        + "WHERE id = ? AND version = ? AND status = 'PLACED' AND deleted_at IS NULL RETURNING "
                        + COLUMNS)
                .params(id, expectedVersion)
                .query(Orders::map)
                .optional()
                .map(o -> o.withLines(lines(o.id())));
    }

    boolean softDelete(
            UUID owner, // keelson:auth
            UUID id) {
        String update = "UPDATE orders SET deleted_at = now(), updated_at = now(), version = version + 1 "
                + "WHERE id = ? AND deleted_at IS NULL";
        update += OWNED; // keelson:auth
        return jdbc.sql(update)
                .param(id)
                .param(owner).param(owner) // keelson:auth
                .update() == 1;
    }

    private List<Order.Line> lines(UUID orderId) {
        return jdbc.sql("SELECT line_no, product, quantity, unit_price, line_total FROM order_lines "
                        + "WHERE order_id = ? ORDER BY line_no LIMIT 1000")
                .param(orderId)
                .query((rs, row) -> new Order.Line(rs.getInt("line_no"), rs.getString("product"),
                        rs.getInt("quantity"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("line_total")))
                .list();
    }

    private static Order map(ResultSet rs, int row) throws SQLException {
        return new Order(
                Rows.uuid(rs, "user_id"), // keelson:auth
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
