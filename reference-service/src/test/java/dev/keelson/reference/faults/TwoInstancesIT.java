package dev.keelson.reference.faults;

import static dev.keelson.reference.faults.TwoInstances.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceInstance;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two instances on different ports over the same PostgreSQL database and the same Redis (one key prefix). */
class TwoInstancesIT {
    @RegisterExtension
    static final TwoInstances both = new TwoInstances();

    private static ServiceInstance first;
    private static ServiceInstance second;

    @BeforeAll
    static void bothStarted() {
        first = both.first();
        second = both.second();
    }

    @Test
    void anIdempotentRetrySentToTheOtherInstanceReplaysTheFirstResponse() {
        Session user = both.newUser();
        OffsetDateTime start = both.now();
        String key = UUID.randomUUID().toString();

        Reply first = placeOrder(TwoInstancesIT.first, user, key).send();
        Reply retry = placeOrder(second, user, key).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(both.ordersSince(start)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesSpreadOverBothInstancesExecuteOnce() {
        Session user = both.newUser();
        OffsetDateTime start = both.now();
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

        assertThat(both.ordersSince(start)).isEqualTo(1);
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
        Session user = both.newUser();
        String id = placeOrder(first, user, UUID.randomUUID().toString())
                .send()
                .json()
                .at("/data/id")
                .asString();
        String path = "/api/v1/orders/" + id;
        first.api().get(path).token(user.accessToken()).send();

        JdbcClient.create(both.db().dataSource())
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
}
