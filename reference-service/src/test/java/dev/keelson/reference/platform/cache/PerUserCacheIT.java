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

/** The read cache with sign-in: a cached copy is never shown to another user, and user data is cached per user. */
class PerUserCacheIT extends ServiceTest {
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
    void aCachedOrderIsStill404ForAnotherUser() {
        Session owner = api.newUser();
        Session other = api.newUser();
        String id = placeOrder(owner);
        assertThat(read(owner, id).status()).isEqualTo(200);

        Reply foreign = read(other, id);

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("first");
    }

    @Test
    void theCurrentUserHasAnETagThatChangesWithTheAccount() {
        Session user = api.newUser();
        Reply me = api.get("/api/v1/users/me").token(user.accessToken()).send();
        String etag = me.header("ETag");

        Reply unchanged = api.get("/api/v1/users/me")
                .token(user.accessToken())
                .header("If-None-Match", etag)
                .send();
        api.patch("/api/v1/users/me")
                .token(user.accessToken())
                .json(Map.of("displayName", "Renamed"))
                .send();
        Reply renamed = api.get("/api/v1/users/me")
                .token(user.accessToken())
                .header("If-None-Match", etag)
                .send();

        assertThat(me.header("Cache-Control")).contains("no-store").contains("private");
        assertThat(me.body()).doesNotContain("password");
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().at("/data/displayName").asString()).isEqualTo("Renamed");
        assertThat(renamed.header("ETag")).isNotEqualTo(etag);
    }
}
