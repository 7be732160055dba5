package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OWASP API1:2023, broken object level authorization: one user reaching another's objects by id, through a list or
 * its cursor, through an {@code Idempotency-Key}, or by probing {@code ETag}s. Every probe is a real request to the
 * running service; another user's order must look exactly like one that does not exist.
 */
class Api1BrokenObjectLevelAuthorizationAttackIT extends ServiceTest {
    private static final Map<String, Object> ORDER = Map.of(
            "currency",
            "EUR",
            "note",
            "victim's note",
            "lines",
            List.of(Map.of("product", "Secret tea", "quantity", 1, "unitPrice", "9.99")));

    private Session victim;
    private Session attacker;
    private String victimsOrder;

    @BeforeEach
    void twoUsers() {
        victim = api.newUser();
        attacker = api.newUser();
        Reply placed = api.post("/api/v1/orders")
                .token(victim.accessToken())
                .json(ORDER)
                .send();
        assertThat(placed.status()).isEqualTo(201);
        victimsOrder = placed.json().at("/data/id").asString();
    }

    @Test
    void anotherUsersOrderByIdLooksExactlyLikeOneThatDoesNotExist() {
        Reply theirs = api.get("/api/v1/orders/" + victimsOrder)
                .token(attacker.accessToken())
                .send();
        Reply missing = api.get("/api/v1/orders/" + UUID.randomUUID())
                .token(attacker.accessToken())
                .send();

        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.json().get("type")).isEqualTo(missing.json().get("type"));
        assertThat(theirs.body()).doesNotContain("Secret tea").doesNotContain("victim's note");
        assertThat(theirs.header("ETag")).isNull();
    }

    @Test
    void everyWriteToAnotherUsersOrderIs404AndChangesNothing() {
        Api.Call[] writes = {
            api.patch("/api/v1/orders/" + victimsOrder)
                    .header("If-Match", "\"1\"")
                    .json(Map.of("note", "pwned")),
            api.post("/api/v1/orders/" + victimsOrder + "/cancel").header("If-Match", "\"1\""),
            api.post("/api/v1/orders/" + victimsOrder + "/cancel"),
            api.delete("/api/v1/orders/" + victimsOrder)
        };
        for (Api.Call write : writes) {
            Reply reply = write.token(attacker.accessToken()).send();
            assertThat(reply.status()).as(reply.body()).isEqualTo(404);
        }

        Reply after = api.get("/api/v1/orders/" + victimsOrder)
                .token(victim.accessToken())
                .send();
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().at("/data/note").asString()).isEqualTo("victim's note");
        assertThat(after.json().at("/data/status").asString()).isEqualTo("PLACED");
        assertThat(after.json().at("/data/version").asInt()).isEqualTo(1);
    }

    @Test
    void idsThatAreNotUuidsOrAreSpelledOtherwiseReachNothing() {
        for (String id : new String[] {
            victimsOrder.toUpperCase(),
            "%20" + victimsOrder,
            victimsOrder + "%00",
            "1 OR 1=1",
            "..%2F" + victimsOrder,
            "*"
        }) {
            Reply reply = api.get("/api/v1/orders/" + id.replace(" ", "%20"))
                    .token(attacker.accessToken())
                    .send();
            assertThat(reply.status()).as(id).isIn(400, 404);
            assertThat(reply.body()).as(id).doesNotContain("Secret tea");
        }
    }

    @Test
    void aListShowsOnlyTheCallersOwnOrdersWhateverItsFilters() {
        for (String query : new String[] {
            "", "?limit=100", "?status=PLACED", "?userId=" + UUID.randomUUID(), "?owner=all", "?sort=oldest"
        }) {
            Reply list = api.get("/api/v1/orders" + query)
                    .token(attacker.accessToken())
                    .send();
            assertThat(list.body()).as(query).doesNotContain(victimsOrder).doesNotContain("Secret tea");
        }
    }

    @Test
    void aCursorFromAnotherUsersListRevealsNoneOfTheirOrders() {
        for (int i = 0; i < 2; i++) {
            api.post("/api/v1/orders").token(victim.accessToken()).json(ORDER).send();
        }
        Reply firstPage =
                api.get("/api/v1/orders?limit=1").token(victim.accessToken()).send();
        String cursor = firstPage.json().at("/meta/nextCursor").asString();
        assertThat(cursor).isNotBlank();

        Reply replayed = api.get("/api/v1/orders?limit=10&cursor=" + cursor)
                .token(attacker.accessToken())
                .send();

        assertThat(replayed.status()).isIn(200, 400);
        assertThat(replayed.body()).doesNotContain("Secret tea");
        String tampered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("AA") ? "BB" : "AA");
        Reply forged = api.get("/api/v1/orders?cursor=" + tampered)
                .token(attacker.accessToken())
                .send();
        assertThat(forged.status()).isEqualTo(400);
    }

    @Test
    void anIdempotencyKeyOfAnotherUserReplaysNothingOfTheirs() {
        String key = UUID.randomUUID().toString();
        Reply victims = api.post("/api/v1/orders")
                .token(victim.accessToken())
                .header("Idempotency-Key", key)
                .json(ORDER)
                .send();

        Reply attackers = api.post("/api/v1/orders")
                .token(attacker.accessToken())
                .header("Idempotency-Key", key)
                .json(ORDER)
                .send();

        assertThat(victims.status()).isEqualTo(201);
        assertThat(attackers.status()).isEqualTo(201);
        assertThat(attackers.header("Idempotent-Replayed")).isNull();
        assertThat(attackers.json().at("/data/id").asString())
                .isNotEqualTo(victims.json().at("/data/id").asString());
    }

    @Test
    void etagProbesOfAnotherUsersOrderGetTheSame404() {
        for (String etag : new String[] {"\"1\"", "W/\"1\"", "*", "\"2\""}) {
            Reply probe = api.get("/api/v1/orders/" + victimsOrder)
                    .token(attacker.accessToken())
                    .header("If-None-Match", etag)
                    .send();
            assertThat(probe.status()).as(etag).isEqualTo(404);
        }
        Reply list = api.get("/api/v1/orders").token(attacker.accessToken()).send();
        Reply victimsList =
                api.get("/api/v1/orders").token(victim.accessToken()).send();
        Reply probe = api.get("/api/v1/orders")
                .token(attacker.accessToken())
                .header("If-None-Match", victimsList.header("ETag"))
                .send();
        assertThat(probe.status()).isEqualTo(list.header("ETag").equals(victimsList.header("ETag")) ? 304 : 200);
        assertThat(probe.body()).doesNotContain("Secret tea");
    }

    @Test
    void anotherUsersAccountIsNotReachableThroughTheUserEndpoints() {
        String victimId = api.get("/api/v1/users/me")
                .token(victim.accessToken())
                .send()
                .json()
                .at("/data/id")
                .asString();

        assertThat(api.get("/api/v1/users/" + victimId)
                        .token(attacker.accessToken())
                        .send()
                        .status())
                .isIn(403, 404, 405);
        assertThat(api.patch("/api/v1/users/" + victimId + "/roles")
                        .token(attacker.accessToken())
                        .json(Map.of("roles", List.of("USER")))
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.delete("/api/v1/users/" + victimId)
                        .token(attacker.accessToken())
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/users/me")
                        .token(victim.accessToken())
                        .send()
                        .status())
                .isEqualTo(200);
    }
}
