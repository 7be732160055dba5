package bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of bench/reference-service/run.sh: a bare Spring Boot endpoint (Spring MVC + JdbcClient + Hikari,
 * nothing else: no security, no filters, no logging per request, no metrics) that returns the same JSON as
 * GET /api/v1/orders/{id} from the same database row. Run with the reference service's dependency class path:
 * java -cp "$CP" BareOrders.java
 */
@SpringBootApplication
public class BareOrders {
    public static void main(String[] args) {
        SpringApplication.run(BareOrders.class, args);
    }

    @RestController
    static class Endpoint {
        private final JdbcClient jdbc;

        Endpoint(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        record Line(int lineNo, String product, int quantity, String unitPrice, String lineTotal) {}

        record View(UUID id, String status, String currency, String total, String note, int version, Instant createdAt,
                Instant updatedAt, List<Line> lines) {}

        record Envelope(View data, Map<String, Object> meta) {}

        @GetMapping("/bare/orders/{id}")
        ResponseEntity<Envelope> get(@PathVariable("id") UUID id) {
            // the order first, then its lines: a query inside the row mapper would hold two pool connections at once
            View order = jdbc.sql("SELECT id, status, currency, total, note, version, created_at, updated_at FROM orders "
                            + "WHERE id = ? AND deleted_at IS NULL")
                    .param(id)
                    .query((rs, row) -> new View(rs.getObject("id", UUID.class), rs.getString("status"),
                            rs.getString("currency"), rs.getBigDecimal("total").toPlainString(), rs.getString("note"),
                            rs.getInt("version"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("updated_at", OffsetDateTime.class).toInstant(), List.of()))
                    .single();
            View view = new View(order.id(), order.status(), order.currency(), order.total(), order.note(),
                    order.version(), order.createdAt(), order.updatedAt(), lines(id));
            return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(new Envelope(view, Map.of()));
        }

        private List<Line> lines(UUID id) {
            return jdbc.sql("SELECT line_no, product, quantity, unit_price, line_total FROM order_lines "
                            + "WHERE order_id = ? ORDER BY line_no LIMIT 1000")
                    .param(id)
                    .query((rs, row) -> new Line(rs.getInt("line_no"), rs.getString("product"), rs.getInt("quantity"),
                            plain(rs.getBigDecimal("unit_price")), plain(rs.getBigDecimal("line_total"))))
                    .list();
        }

        private static String plain(BigDecimal value) {
            return value.toPlainString();
        }
    }
}
