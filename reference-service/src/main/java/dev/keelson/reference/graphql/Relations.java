package dev.keelson.reference.graphql;

import dev.keelson.reference.order.Order;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a page of orders refers to, read for the whole page at once: one statement for all owners, one for all lines,
 * however many orders the page holds. The orders themselves were read through the order service, which already
 * decided the caller may see them, so these reads take no owner filter.
 */
@Repository
class Relations {
    /** An order has at most 100 lines (validated when it is placed). */
    private static final int MAX_LINES_PER_ORDER = 100;

    private final JdbcClient jdbc;

    Relations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The live accounts with these ids; deleted accounts are absent. */
    Map<UUID, Account> accounts(Collection<UUID> ids) {
        List<Account> found = jdbc.sql("SELECT id, display_name, created_at, email, email_verified_at, roles "
                        + "FROM users WHERE id = ANY(?) AND deleted_at IS NULL LIMIT ?")
                .params(ids.toArray(UUID[]::new), ids.size())
                .query(Relations::account)
                .list();
        return found.stream().collect(Collectors.toMap(Account::id, Function.identity()));
    }

    /** The lines of these orders, each order's in line order. */
    Map<UUID, List<Order.Line>> lines(Collection<UUID> orderIds) {
        Map<UUID, List<Order.Line>> byOrder = new LinkedHashMap<>();
        jdbc.sql("SELECT order_id, line_no, product, quantity, unit_price, line_total FROM order_lines "
                        + "WHERE order_id = ANY(?) ORDER BY order_id, line_no LIMIT ?")
                .params(orderIds.toArray(UUID[]::new), orderIds.size() * MAX_LINES_PER_ORDER)
                .query(rs -> {
                    byOrder.computeIfAbsent(rs.getObject("order_id", UUID.class), id -> new ArrayList<>())
                            .add(new Order.Line(
                                    rs.getInt("line_no"),
                                    rs.getString("product"),
                                    rs.getInt("quantity"),
                                    rs.getBigDecimal("unit_price"),
                                    rs.getBigDecimal("line_total")));
                });
        return byOrder;
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getString("display_name"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("email"),
                rs.getObject("email_verified_at", OffsetDateTime.class) != null,
                List.of((String[]) rs.getArray("roles").getArray()));
    }
}
