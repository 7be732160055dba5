package dev.keelson.reference.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class OrdersIT extends ServiceTest {
    @Autowired
    private JdbcClient jdbc;

    @Test
    void placingAnOrderComputesExactTotalsOnTheServer() {
        Session user = api.newUser();
        Reply reply = api.post("/api/v1/orders")
                .token(user.accessToken())
                .json(Map.of(
                        "currency",
                        "EUR",
                        "lines",
                        List.of(
                                Map.of("product", "Tea", "quantity", 3, "unitPrice", "0.10"),
                                Map.of("product", "Pot", "quantity", 1, "unitPrice", 19.99))))
                .send();

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode order = reply.json().get("data");
        assertThat(order.get("total").asString()).isEqualTo("20.29");
        assertThat(order.get("status").asString()).isEqualTo("PLACED");
        assertThat(order.at("/lines/0/lineTotal").asString()).isEqualTo("0.30");
        assertThat(reply.header("Location"))
                .isEqualTo("/api/v1/orders/" + order.get("id").asString());
        assertThat(reply.header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void anOrderWithoutLinesOrWithABadPriceIsInvalid() {
        Session user = api.newUser();
        Reply reply = api.post("/api/v1/orders")
                .token(user.accessToken())
                .json(Map.of(
                        "currency",
                        "euro",
                        "lines",
                        List.of(Map.of("product", "Tea", "quantity", 0, "unitPrice", "0.125"))))
                .send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(Api.texts(reply.json().get("errors"), "field"))
                .contains("currency", "lines[0].quantity", "lines[0].unitPrice");
    }

    @Test
    void aPlacedOrderCanBeCancelledOnceThenItIsAConflict() {
        Session user = api.newUser();
        String id = place(user, "1.00");

        Reply first = api.post("/api/v1/orders/" + id + "/cancel")
                .token(user.accessToken())
                .send();
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().at("/data/status").asString()).isEqualTo("CANCELLED");

        Reply second = api.post("/api/v1/orders/" + id + "/cancel")
                .token(user.accessToken())
                .send();
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        assertThat(second.json().get("detail").asString()).contains("CANCELLED");
    }

    @Test
    void patchingNeedsIfMatchAndRefusesAStaleEtag() {
        Session user = api.newUser();
        String id = place(user, "2.00");
        String etag =
                api.get("/api/v1/orders/" + id).token(user.accessToken()).send().header("ETag");

        Reply without = api.patch("/api/v1/orders/" + id)
                .token(user.accessToken())
                .json(Map.of("note", "x"))
                .send();
        assertThat(without.status()).isEqualTo(428);

        Reply updated = api.patch("/api/v1/orders/" + id)
                .token(user.accessToken())
                .header("If-Match", etag)
                .json(Map.of("note", "leave at the door"))
                .send();
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        assertThat(updated.json().at("/data/note").asString()).isEqualTo("leave at the door");

        Reply stale = api.patch("/api/v1/orders/" + id)
                .token(user.accessToken())
                .header("If-Match", etag)
                .json(Map.of("note", "overwrite"))
                .send();
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("type").asString()).endsWith("/precondition-failed");
    }

    @Test
    void cancellingWithAStaleEtagIsAPreconditionFailure() {
        Session user = api.newUser();
        String id = place(user, "2.00");
        api.patch("/api/v1/orders/" + id)
                .token(user.accessToken())
                .header("If-Match", "\"1\"")
                .json(Map.of("note", "changed"))
                .send();

        Reply reply = api.post("/api/v1/orders/" + id + "/cancel")
                .token(user.accessToken())
                .header("If-Match", "\"1\"")
                .send();

        assertThat(reply.status()).isEqualTo(412);
    }

    @Test
    void paginationNeitherSkipsNorRepeatsWhileOrdersAreInsertedBetweenPages() {
        Session user = api.newUser();
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            existing.add(place(user, i + ".00"));
        }
        String since = createdAt(user, existing.getFirst());
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = api.get(
                            "/api/v1/orders?limit=3&createdFrom=" + since + (cursor == null ? "" : "&cursor=" + cursor))
                    .token(user.accessToken())
                    .send();
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().at("/meta/limit").asInt()).isEqualTo(3);
            seen.addAll(ids(page));
            place(user, "9.99"); // a newer order arrives while the client pages through older ones
            JsonNode next = page.json().at("/meta/nextCursor");
            cursor = next.isMissingNode() ? null : next.asString();
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(existing.reversed());
    }

    @Test
    void oldestFirstPagesInCreationOrder() {
        Session user = api.newUser();
        List<String> placed = List.of(place(user, "1.00"), place(user, "2.00"), place(user, "3.00"));
        String since = createdAt(user, placed.getFirst());

        Reply first = api.get("/api/v1/orders?sort=createdAt&limit=2&createdFrom=" + since)
                .token(user.accessToken())
                .send();
        String cursor = first.json().at("/meta/nextCursor").asString();
        Reply second = api.get("/api/v1/orders?sort=createdAt&limit=2&createdFrom=" + since + "&cursor=" + cursor)
                .token(user.accessToken())
                .send();

        List<String> all = new ArrayList<>(ids(first));
        all.addAll(ids(second));
        assertThat(all).containsExactlyElementsOf(placed);
        assertThat(second.json().at("/meta/nextCursor").isMissingNode()).isTrue();
    }

    @Test
    void aTamperedCursorIsABadRequest() {
        Session user = api.newUser();
        place(user, "1.00");
        place(user, "1.00");
        String cursor = api.get("/api/v1/orders?limit=1")
                .token(user.accessToken())
                .send()
                .json()
                .at("/meta/nextCursor")
                .asString();
        String tampered = (cursor.charAt(0) == 'A' ? 'B' : 'A') + cursor.substring(1);

        Reply reply = api.get("/api/v1/orders?cursor=" + tampered)
                .token(user.accessToken())
                .send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("detail").asString()).contains("cursor is not valid");
    }

    @Test
    void theLimitIsCapped() {
        Session user = api.newUser();
        Reply reply =
                api.get("/api/v1/orders?limit=1000").token(user.accessToken()).send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(Api.texts(reply.json().get("errors"), "field")).containsExactly("limit");
    }

    @Test
    void listsFilterByStatus() {
        Session user = api.newUser();
        String kept = place(user, "1.00");
        String cancelled = place(user, "1.00");
        api.post("/api/v1/orders/" + cancelled + "/cancel")
                .token(user.accessToken())
                .send();
        String since = "&createdFrom=" + createdAt(user, kept);

        assertThat(ids(api.get("/api/v1/orders?status=CANCELLED" + since)
                        .token(user.accessToken())
                        .send()))
                .containsExactly(cancelled);
        assertThat(ids(api.get("/api/v1/orders?status=PLACED" + since)
                        .token(user.accessToken())
                        .send()))
                .containsExactly(kept);
    }

    @Test
    void listsFilterByCreatedRangeFromInclusiveToExclusive() {
        Session user = api.newUser();
        String earlier = place(user, "1.00");
        String id = place(user, "1.00");
        String from = createdAt(user, earlier);
        String createdAt = createdAt(user, id);

        assertThat(ids(api.get("/api/v1/orders?createdFrom=" + createdAt)
                        .token(user.accessToken())
                        .send()))
                .containsExactly(id);
        assertThat(ids(api.get("/api/v1/orders?createdFrom=" + from + "&createdTo=" + createdAt)
                        .token(user.accessToken())
                        .send()))
                .containsExactly(earlier);
        assertThat(ids(api.get("/api/v1/orders?createdFrom=2000-01-01T00:00:00Z&createdTo=2000-01-02T00:00:00Z")
                        .token(user.accessToken())
                        .send()))
                .isEmpty();
    }

    @Test
    void aMalformedDateFilterIsABadRequest() {
        Session user = api.newUser();
        Reply reply = api.get("/api/v1/orders?createdFrom=yesterday")
                .token(user.accessToken())
                .send();

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aDeletedOrderIsGoneForItsOwnerButKeptInTheDatabase() {
        Session user = api.newUser();
        String id = place(user, "1.00");

        assertThat(api.delete("/api/v1/orders/" + id)
                        .token(user.accessToken())
                        .send()
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/orders/" + id)
                        .token(user.accessToken())
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(ids(api.get("/api/v1/orders").token(user.accessToken()).send()))
                .doesNotContain(id);
        assertThat(jdbc.sql("SELECT count(*) FROM orders WHERE id = ? AND deleted_at IS NOT NULL")
                        .param(UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    private String place(Session user, String price) {
        Reply reply = api.post("/api/v1/orders")
                .token(user.accessToken())
                .json(Map.of(
                        "currency",
                        "EUR",
                        "lines",
                        List.of(Map.of("product", "Tea", "quantity", 1, "unitPrice", price))))
                .send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().at("/data/id").asString();
    }

    /** When the order was created: lists from then on hold only this test's orders (tests run one at a time). */
    private String createdAt(Session user, String id) {
        return api.get("/api/v1/orders/" + id)
                .token(user.accessToken())
                .send()
                .json()
                .at("/data/createdAt")
                .asString();
    }

    private static List<String> ids(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return Api.texts(reply.json().get("data"), "id");
    }
}
