package dev.keelson.reference.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keelson.reference.auth.Outbox;
import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.Await;
import dev.keelson.reference.testing.ServiceInstance;
import dev.keelson.reference.testing.TestPostgres;
import dev.keelson.reference.testing.TestRedis;
import dev.keelson.reference.testing.TestSmtp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Two instances on different ports over the same PostgreSQL database and the same Redis (one key prefix). */
class TwoInstancesIT {
    private static TestPostgres.Database db;
    private static ServiceInstance first;
    private static ServiceInstance second;
    private static String keyPrefix;
    // keelson:begin auth
    /** Per user: big enough to be synchronised lazily (1 % of it per instance), small enough to exhaust. */
    private static final int API_CAPACITY = 200;
    // keelson:end auth

    @BeforeAll
    static void startBoth() {
        assumeTrue(TestRedis.available(), "needs the local Redis");
        db = TestPostgres.create();
        keyPrefix = TestRedis.freshPrefix();
        String[] settings = {
            "--spring.data.redis.url=" + TestRedis.url(),
            "--reference.redis.key-prefix=" + keyPrefix,
            // a slow answer on a loaded test machine must not send an instance to its per-instance fallback buckets
            // (fail open), which these tests would read as a limit not shared
            "--reference.redis.timeout=5s",
            "--reference.rate-limit.auth.capacity=3",
            "--reference.rate-limit.auth.period=1h",
            // keelson:begin auth
            "--reference.rate-limit.api.capacity=" + API_CAPACITY,
            "--reference.rate-limit.api.period=1h",
            // keelson:end auth
            "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1"
        };
        first = ServiceInstance.start(db, settings);
        second = ServiceInstance.start(db, settings);
    }

    @AfterAll
    static void stopBoth() {
        for (ServiceInstance instance : new ServiceInstance[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (db != null) {
            db.drop();
        }
        if (keyPrefix != null) {
            TestRedis.deleteKeys(keyPrefix);
        }
    }

    // keelson:begin auth
    private static Reply login(Api api, String clientAddress) {
        return api.post("/api/v1/auth/login")
                .header("X-Forwarded-For", clientAddress)
                .json(Map.of("email", "nobody@example.com", "password", "a wrong password"))
                .send();
    }
    // keelson:end auth

    private static int nextAddress = 1;

    /** A user registered from an address of its own, so the sign-in limit of 3 is not spent by registrations. */
    private static synchronized Session newUser() {
        return first.api().newUser("203.0.113." + nextAddress++);
    }

    private static Api.Call placeOrder(ServiceInstance instance, Session user, String key) {
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

    private static OffsetDateTime now() {
        return JdbcClient.create(db.dataSource())
                .sql("SELECT clock_timestamp()")
                .query(OffsetDateTime.class)
                .single();
    }

    /** Orders placed since {@code start} (the tests run one at a time). */
    private static long ordersSince(OffsetDateTime start) {
        return JdbcClient.create(db.dataSource())
                .sql("SELECT count(*) FROM orders WHERE created_at >= ?")
                .param(start)
                .query(Long.class)
                .single();
    }

    // keelson:begin auth
    @Test
    void aRateLimitHoldsAcrossBothInstances() {
        assertThat(login(first.api(), "198.51.100.20").status()).isEqualTo(401);
        assertThat(login(second.api(), "198.51.100.20").status()).isEqualTo(401);
        assertThat(login(first.api(), "198.51.100.20").header("RateLimit-Remaining"))
                .isEqualTo("0");

        Reply fourth = login(second.api(), "198.51.100.20");

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.header("Retry-After")).isNotNull();
    }

    @Test
    void anApiLimitHoldsAcrossBothInstancesWithinItsSynchronisationSlack() {
        Session user = newUser();
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < API_CAPACITY + 40; i++) {
            ServiceInstance instance = i % 2 == 0 ? first : second;
            int status = instance.api()
                    .get("/api/v1/orders?limit=1")
                    .token(user.accessToken())
                    .send()
                    .status();
            if (status == 200) {
                ok++;
            } else if (status == 429) {
                limited++;
            }
        }
        // each instance takes up to 1 % of the capacity locally before it writes back to Redis
        int slack = 2 * API_CAPACITY / 100;
        assertThat(ok)
                .as("requests let through of %d", API_CAPACITY + 40)
                .isBetween(API_CAPACITY, API_CAPACITY + slack);
        assertThat(ok + limited).as("every other answer is a 429").isEqualTo(API_CAPACITY + 40);
    }

    @Test
    void aSignOutOnOneInstanceRefusesTheAccessTokenOnTheOtherAtOnce() {
        Session user = newUser();
        assertThat(me(second, user).status()).isEqualTo(200); // the other instance has the account cached now

        Reply out = first.api()
                .post("/api/v1/auth/logout")
                .header("X-Forwarded-For", nextAddress())
                .json(Map.of("refreshToken", user.refreshToken()))
                .send();

        assertThat(out.status()).isEqualTo(204);
        assertThat(me(second, user).status()).isEqualTo(401);
        assertThat(placeOrder(second, user, UUID.randomUUID().toString()).send().status())
                .isEqualTo(401);
    }

    @Test
    void aDemotedOrDeletedAccountIsRefusedOnTheOtherInstanceAtOnce() {
        Session admin = newAdmin();
        Session user = newUser();
        assertThat(second.api()
                        .get("/api/v1/users")
                        .token(admin.accessToken())
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(placeOrder(second, user, UUID.randomUUID().toString()).send().status())
                .isEqualTo(201);
        String userId = me(second, user).json().at("/data/id").asString();
        String adminId = me(second, admin).json().at("/data/id").asString();
        Session otherAdmin = newAdmin();

        Reply deleted = first.api()
                .delete("/api/v1/users/" + userId)
                .token(otherAdmin.accessToken())
                .send();
        Reply demoted = first.api()
                .patch("/api/v1/users/" + adminId + "/roles")
                .token(otherAdmin.accessToken())
                .json(Map.of("roles", List.of("USER")))
                .send();

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(demoted.status()).isEqualTo(200);
        assertThat(placeOrder(second, user, UUID.randomUUID().toString()).send().status())
                .isEqualTo(401);
        assertThat(second.api()
                        .get("/api/v1/users")
                        .token(admin.accessToken())
                        .send()
                        .status())
                .isEqualTo(401);
        Session relogged = second.api().login(admin.email(), admin.password(), nextAddress());
        assertThat(second.api()
                        .get("/api/v1/users")
                        .token(relogged.accessToken())
                        .send()
                        .status())
                .isEqualTo(403);
    }

    private static Reply me(ServiceInstance instance, Session user) {
        return instance.api().get("/api/v1/users/me").token(user.accessToken()).send();
    }

    private static Session newAdmin() {
        Session user = newUser();
        first.bean(JdbcClient.class)
                .sql("UPDATE users SET roles = ARRAY['ADMIN','USER'] WHERE email = ?")
                .param(user.email())
                .update();
        return first.api().login(user.email(), user.password(), nextAddress());
    }

    private static synchronized String nextAddress() {
        return "203.0.113." + nextAddress++;
    }
    // keelson:end auth

    @Test
    void anIdempotentRetrySentToTheOtherInstanceReplaysTheFirstResponse() {
        Session user = newUser();
        OffsetDateTime start = now();
        String key = UUID.randomUUID().toString();

        Reply first = placeOrder(TwoInstancesIT.first, user, key).send();
        Reply retry = placeOrder(second, user, key).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(ordersSince(start)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesSpreadOverBothInstancesExecuteOnce() {
        Session user = newUser();
        OffsetDateTime start = now();
        String key = UUID.randomUUID().toString();
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                ServiceInstance target = i % 2 == 0 ? first : second;
                replies.add(CompletableFuture.supplyAsync(
                        () -> placeOrder(target, user, key).send(), threads));
            }
        }

        List<Reply> answered = replies.stream().map(CompletableFuture::join).toList();

        assertThat(ordersSince(start)).isEqualTo(1);
        assertThat(answered).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
        assertThat(answered.stream()
                        .filter(r -> r.status() == 201)
                        .map(r -> r.json().at("/data/id").asString())
                        .distinct())
                .hasSize(1);
        assertThat(answered.stream().filter(r -> r.status() == 201 && r.header("Idempotent-Replayed") == null))
                .hasSize(1);
    }

    @Test
    void theReadCacheIsSharedAndAWriteOnOneInstanceIsSeenOnTheOther() {
        Session user = newUser();
        String id = placeOrder(first, user, UUID.randomUUID().toString())
                .send()
                .json()
                .at("/data/id")
                .asString();
        String path = "/api/v1/orders/" + id;
        first.api().get(path).token(user.accessToken()).send();

        JdbcClient.create(db.dataSource())
                .sql("UPDATE orders SET note = 'behind its back' WHERE id = CAST(? AS uuid)")
                .param(id)
                .update();
        Reply cachedByTheOther =
                second.api().get(path).token(user.accessToken()).send();
        Reply patched = first.api()
                .patch(path)
                .token(user.accessToken())
                .header("If-Match", "\"1\"")
                .json(Map.of("note", "changed on the first"))
                .send();
        Reply afterWrite = second.api().get(path).token(user.accessToken()).send();

        assertThat(cachedByTheOther.json().at("/data/note").isMissingNode())
                .as("from the shared cache")
                .isTrue();
        assertThat(patched.status()).isEqualTo(200);
        assertThat(afterWrite.json().at("/data/note").asString()).isEqualTo("changed on the first");
    }
    // keelson:begin jobs
    // keelson:begin auth

    @Test
    void eachJobRunsOnceWhileBothInstancesPoll() {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            recipients.add("both-" + i + "-" + UUID.randomUUID() + "@example.com");
        }
        Outbox outbox = first.bean(Outbox.class);
        first.bean(TransactionTemplate.class)
                .executeWithoutResult(
                        tx -> recipients.forEach(recipient -> outbox.enqueue(recipient, "Once", "exactly once")));

        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        Await.until(
                "every email sent",
                Duration.ofSeconds(60),
                () -> jdbc.sql("SELECT count(*) FROM outbox_emails WHERE recipient LIKE 'both-%' AND sent_at IS NULL")
                                .query(Long.class)
                                .single()
                        == 0);
        // a job is removed only after its email went out: with none left, no send can still be under way
        Await.until(
                "every job finished",
                Duration.ofSeconds(30),
                () -> jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'send-email'")
                                .query(Long.class)
                                .single()
                        == 0);
        for (String recipient : recipients) {
            assertThat(TestSmtp.bodiesNow(recipient)).as(recipient).hasSize(1);
        }
    }
    // keelson:end auth
    // keelson:end jobs
}
