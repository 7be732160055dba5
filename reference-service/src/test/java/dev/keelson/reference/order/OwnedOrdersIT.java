package dev.keelson.reference.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Admins;
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

/** Orders belong to the user who placed them: nobody else sees them, except admins. */
class OwnedOrdersIT extends ServiceTest {
    @Autowired
    private JdbcClient jdbc;

    @Test
    void anotherUsersOrderLooksExactlyLikeAMissingOne() {
        Session owner = api.newUser();
        Session other = api.newUser();
        String id = place(owner, "3.00");
        String missing = UUID.randomUUID().toString();

        for (String path : List.of("/api/v1/orders/%s", "/api/v1/orders/%s/cancel")) {
            Reply theirs = api.method(path.endsWith("cancel") ? "POST" : "GET", path.formatted(id))
                    .token(other.accessToken())
                    .send();
            Reply none = api.method(path.endsWith("cancel") ? "POST" : "GET", path.formatted(missing))
                    .token(other.accessToken())
                    .send();
            assertThat(theirs.status()).isEqualTo(404).isEqualTo(none.status());
            assertThat(theirs.json().get("type")).isEqualTo(none.json().get("type"));
        }
        Reply patch = api.patch("/api/v1/orders/" + id)
                .token(other.accessToken())
                .header("If-Match", "\"1\"")
                .json(Map.of("note", "mine now"))
                .send();
        Reply delete =
                api.delete("/api/v1/orders/" + id).token(other.accessToken()).send();
        assertThat(patch.status()).isEqualTo(404);
        assertThat(delete.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/orders/" + id)
                        .token(owner.accessToken())
                        .send()
                        .json()
                        .at("/data/status")
                        .asString())
                .isEqualTo("PLACED");
    }

    @Test
    void aListShowsOnlyTheCallersOrdersEvenWhenFollowingTheirCursor() {
        Session owner = api.newUser();
        Session other = api.newUser();
        String otherOrder = place(other, "1.00");
        List<String> ownersOrders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ownersOrders.add(place(owner, "1.00"));
        }

        Reply ownersPage =
                api.get("/api/v1/orders?limit=1").token(owner.accessToken()).send();
        String ownersCursor = ownersPage.json().at("/meta/nextCursor").asString();
        Reply othersView = api.get("/api/v1/orders?limit=10&cursor=" + ownersCursor)
                .token(other.accessToken())
                .send();

        assertThat(ids(api.get("/api/v1/orders?limit=100")
                        .token(other.accessToken())
                        .send()))
                .containsExactly(otherOrder);
        assertThat(ids(othersView)).containsExactly(otherOrder).doesNotContainAnyElementsOf(ownersOrders);
    }

    @Test
    void anAdminSeesEveryonesOrders() {
        Session owner = api.newUser();
        String id = place(owner, "1.00");
        Session admin = Admins.newAdmin(api, jdbc);

        assertThat(api.get("/api/v1/orders/" + id)
                        .token(admin.accessToken())
                        .send()
                        .status())
                .isEqualTo(200);
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

    private static List<String> ids(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return Api.texts(reply.json().get("data"), "id");
    }
}
