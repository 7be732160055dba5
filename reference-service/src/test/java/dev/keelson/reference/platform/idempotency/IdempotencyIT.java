package dev.keelson.reference.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class IdempotencyIT extends PlacedOrders {
    @Test
    void aRetryWithTheSameKeyAndBodyReplaysTheFirstResponseAndCreatesNothing() {
        Session user = api.newUser();
        String key = UUID.randomUUID().toString();

        Reply first = placeOrder(user, key, ORDER).send();
        Reply retry = placeOrder(user, key, ORDER).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Content-Type")).startsWith("application/json");
        assertThat(ordersPlaced()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIs422AndChangesNothing() {
        Session user = api.newUser();
        String key = UUID.randomUUID().toString();
        placeOrder(user, key, ORDER).send();

        Reply other = placeOrder(user, key, Map.of("currency", "USD", "lines", ORDER.get("lines")))
                .send();

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(other.json().get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(ordersPlaced()).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesExecuteOnceAndEveryAnswerIsTheFirstResponseOrA409() throws Exception {
        Session user = api.newUser();
        String key = UUID.randomUUID().toString();
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                replies.add(CompletableFuture.supplyAsync(
                        () -> placeOrder(user, key, ORDER).send(), threads));
            }
        }

        List<Reply> answered = replies.stream().map(CompletableFuture::join).toList();

        assertThat(ordersPlaced()).isEqualTo(1);
        List<String> ids = answered.stream()
                .filter(r -> r.status() == 201)
                .map(r -> r.json().at("/data/id").asString())
                .distinct()
                .toList();
        assertThat(ids).hasSize(1);
        assertThat(answered).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
        assertThat(answered.stream().filter(r -> r.status() == 201 && r.header("Idempotent-Replayed") == null))
                .hasSize(1);
    }

    @Test
    void aFailedRequestKeepsNothingAndItsRetryRunsAgain() {
        Session user = api.newUser();
        String id = placeOrder(user, UUID.randomUUID().toString(), ORDER)
                .send()
                .json()
                .at("/data/id")
                .asString();
        api.post("/api/v1/orders/" + id + "/cancel").token(user.accessToken()).send();
        String key = UUID.randomUUID().toString();

        Reply refused = api.post("/api/v1/orders/" + id + "/cancel")
                .token(user.accessToken())
                .header("Idempotency-Key", key)
                .send();
        Reply retried = api.post("/api/v1/orders/" + id + "/cancel")
                .token(user.accessToken())
                .header("Idempotency-Key", key)
                .send();

        assertThat(refused.status()).isEqualTo(409);
        assertThat(retried.status()).isEqualTo(409);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aDeleteRetriedWithItsKeyReplaysThe204InsteadOfA404() {
        Session user = api.newUser();
        String id = placeOrder(user, UUID.randomUUID().toString(), ORDER)
                .send()
                .json()
                .at("/data/id")
                .asString();
        String key = UUID.randomUUID().toString();

        Reply deleted = api.delete("/api/v1/orders/" + id)
                .token(user.accessToken())
                .header("Idempotency-Key", key)
                .send();
        Reply retried = api.delete("/api/v1/orders/" + id)
                .token(user.accessToken())
                .header("Idempotency-Key", key)
                .send();
        Reply withoutKey =
                api.delete("/api/v1/orders/" + id).token(user.accessToken()).send();

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(retried.status()).isEqualTo(204);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(withoutKey.status()).isEqualTo(404);
    }

    @Test
    void aKeyThatIsNotVisibleAsciiIsA400() {
        Session user = api.newUser();

        Reply bad = placeOrder(user, "has spaces in it", ORDER).send();

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).contains("Idempotency-Key");
        assertThat(ordersPlaced()).isZero();
    }

    @Test
    void readsIgnoreTheHeader() {
        Session user = api.newUser();

        Reply list = api.get("/api/v1/orders")
                .token(user.accessToken())
                .header("Idempotency-Key", "x y")
                .send();

        assertThat(list.status()).isEqualTo(200);
    }
}
