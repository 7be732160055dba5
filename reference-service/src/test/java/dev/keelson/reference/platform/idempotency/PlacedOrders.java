package dev.keelson.reference.platform.idempotency;

import dev.keelson.reference.testing.Api.Call;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the idempotency tests share: an order to place under a key, and a count of the orders placed since the start. */
abstract class PlacedOrders extends ServiceTest {
    static final Map<String, Object> ORDER =
            Map.of("currency", "EUR", "lines", List.of(Map.of("product", "Tea", "quantity", 2, "unitPrice", "1.25")));

    @Autowired
    JdbcClient jdbc;

    private OffsetDateTime start;

    Call placeOrder(Session user, String key, Object body) {
        return api.post("/api/v1/orders")
                .token(user.accessToken())
                .header("Idempotency-Key", key)
                .json(body);
    }

    @BeforeEach
    void markTheStart() {
        start = jdbc.sql("SELECT clock_timestamp()").query(OffsetDateTime.class).single();
    }

    /** Orders placed since this test started (tests run one at a time). */
    long ordersPlaced() {
        return jdbc.sql("SELECT count(*) FROM orders WHERE created_at >= ?")
                .param(start)
                .query(Long.class)
                .single();
    }
}
