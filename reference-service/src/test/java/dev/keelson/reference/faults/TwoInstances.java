package dev.keelson.reference.faults;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceInstance;
import dev.keelson.reference.testing.TestPostgres;
import dev.keelson.reference.testing.TestRedis;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances on different ports over the same PostgreSQL database and the same Redis (one key prefix), as the
 * {@code TwoInstances…IT} tests share them; needs the local Redis (the test is skipped without it).
 */
final class TwoInstances implements BeforeAllCallback, AfterAllCallback {
    private final List<String> settings;
    private final List<ServiceInstance> started = new ArrayList<>();
    private final AtomicInteger nextAddress = new AtomicInteger(1);
    private TestPostgres.Database db;
    private String keyPrefix;

    /**
     * Two instances for a test class ({@code @RegisterExtension static final TwoInstances both = ...}), started before
     * its tests and stopped after them; {@code settings} are more {@code --name=value} arguments for each.
     */
    TwoInstances(String... settings) {
        this.settings = List.of(settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeTrue(TestRedis.available(), "needs the local Redis");
        db = TestPostgres.create();
        keyPrefix = TestRedis.freshPrefix();
        List<String> args = new ArrayList<>(List.of(
                "--spring.data.redis.url=" + TestRedis.url(),
                "--reference.redis.key-prefix=" + keyPrefix,
                // a slow answer on a loaded test machine must not send an instance to its per-instance fallback
                // buckets (fail open), which these tests would read as a limit not shared
                "--reference.redis.timeout=5s",
                "--reference.rate-limit.auth.capacity=3",
                "--reference.rate-limit.auth.period=1h",
                "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1"));
        args.addAll(settings);
        for (int i = 0; i < 2; i++) {
            started.add(ServiceInstance.start(db, args.toArray(String[]::new)));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        started.forEach(ServiceInstance::close);
        if (db != null) {
            db.drop();
        }
        if (keyPrefix != null) {
            TestRedis.deleteKeys(keyPrefix);
        }
    }

    ServiceInstance first() {
        return started.get(0);
    }

    ServiceInstance second() {
        return started.get(1);
    }

    TestPostgres.Database db() {
        return db;
    }

    /** A client address of its own ({@code X-Forwarded-For}), so the sign-in limit of 3 is not spent by others. */
    String nextAddress() {
        return "203.0.113." + nextAddress.getAndIncrement();
    }

    /** A new client, registered from an address of its own. */
    Session newUser() {
        return first().api().newUser(nextAddress());
    }

    static Api.Call placeOrder(ServiceInstance instance, Session user, String key) {
        return instance.api()
                .post("/api/v1/orders")
                .token(user.accessToken())
                .header("Idempotency-Key", key)
                .json(Map.of(
                        "currency",
                        "EUR",
                        "lines",
                        List.of(Map.of("product", "Tea", "quantity", 1, "unitPrice", "3.00"))));
    }

    OffsetDateTime now() {
        return JdbcClient.create(db.dataSource())
                .sql("SELECT clock_timestamp()")
                .query(OffsetDateTime.class)
                .single();
    }

    /** Orders placed since {@code start} (the tests run one at a time). */
    long ordersSince(OffsetDateTime start) {
        return JdbcClient.create(db.dataSource())
                .sql("SELECT count(*) FROM orders WHERE created_at >= ?")
                .param(start)
                .query(Long.class)
                .single();
    }
}
