package dev.keelson.reference.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The in-memory cache (the shared test context sets no Redis).
 * In a project with Redis, {@code TwoInstancesIT} covers the cache shared through it.
 */
class CacheIT extends ServiceTest {
    @Autowired
    private JdbcClient jdbc;

    private String placeOrder(Session user) {
        return api.post("/api/v1/orders")
                .token(user.accessToken())
                .json(Map.of(
                        "currency",
                        "EUR",
                        "note",
                        "first",
                        "lines",
                        List.of(Map.of("product", "Tea", "quantity", 1, "unitPrice", "2.00"))))
                .send()
                .json()
                .at("/data/id")
                .asString();
    }

    private Reply read(Session user, String id) {
        return api.get("/api/v1/orders/" + id).token(user.accessToken()).send();
    }

    @Test
    void anOrderReadOnceIsServedFromTheCacheUntilTheServiceChangesIt() {
        Session user = api.newUser();
        String id = placeOrder(user);
        read(user, id);

        // behind the service's back: a cached read does not see it...
        jdbc.sql("UPDATE orders SET note = 'changed behind its back' WHERE id = CAST(? AS uuid)")
                .param(id)
                .update();
        assertThat(read(user, id).json().at("/data/note").asString()).isEqualTo("first");

        // ...but every write through the service drops the copy
        Reply patched = api.patch("/api/v1/orders/" + id)
                .token(user.accessToken())
                .header("If-Match", "\"1\"")
                .json(Map.of("note", "second"))
                .send();
        assertThat(patched.status()).isEqualTo(200);
        Reply afterPatch = read(user, id);
        assertThat(afterPatch.json().at("/data/note").asString()).isEqualTo("second");
        assertThat(afterPatch.header("ETag")).isEqualTo("\"2\"");

        api.post("/api/v1/orders/" + id + "/cancel").token(user.accessToken()).send();
        assertThat(read(user, id).json().at("/data/status").asString()).isEqualTo("CANCELLED");

        api.delete("/api/v1/orders/" + id).token(user.accessToken()).send();
        assertThat(read(user, id).status()).isEqualTo(404);
    }

    @Test
    void anOrderAnswers304ToItsETagAndCarriesCacheControl() {
        Session user = api.newUser();
        String id = placeOrder(user);
        Reply first = read(user, id);

        Reply again = api.get("/api/v1/orders/" + id)
                .token(user.accessToken())
                .header("If-None-Match", first.header("ETag"))
                .send();
        Reply stale = api.get("/api/v1/orders/" + id)
                .token(user.accessToken())
                .header("If-None-Match", "\"0\"")
                .send();

        assertThat(first.header("Cache-Control")).contains("no-store").contains("private");
        assertThat(first.header("Pragma")).isNull();
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(stale.status()).isEqualTo(200);
    }

    @Test
    void listPagesHaveAnETagFromTheirContent() {
        Session user = api.newUser();
        String first = placeOrder(user);
        // from this test's first order on: only this test's orders (tests run one at a time)
        String list = "/api/v1/orders?createdFrom="
                + read(user, first).json().at("/data/createdAt").asString();
        Reply page = api.get(list).token(user.accessToken()).send();

        Reply unchanged = api.get(list)
                .token(user.accessToken())
                .header("If-None-Match", page.header("ETag"))
                .send();
        placeOrder(user);
        Reply changed = api.get(list)
                .token(user.accessToken())
                .header("If-None-Match", page.header("ETag"))
                .send();

        assertThat(page.header("ETag")).isNotBlank();
        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("data").size()).isEqualTo(2);
    }
}
