package dev.keelson.reference.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ConnectionTrap;
import dev.keelson.reference.testing.ServiceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * OWASP API7:2023, server-side request forgery, through GraphQL: a URL stored in a text field is read back as text
 * and never fetched (as {@code Api7ServerSideRequestForgeryAttackIT} shows for the REST API).
 */
class GraphQlServerSideRequestForgeryIT extends ServiceTest {
    @Test
    void urlsInTextFieldsReadThroughGraphQlAreNeverFetched() {
        try (ConnectionTrap trap = new ConnectionTrap()) {
            String url = trap.url("/latest/meta-data");
            Session user = api.newUser();
            Reply created = api.post("/api/v1/orders")
                    .token(user.accessToken())
                    .json(Map.of(
                            "currency",
                            "EUR",
                            "note",
                            url,
                            "lines",
                            List.of(Map.of("product", url, "quantity", 1, "unitPrice", 1))))
                    .send();
            String id = created.json().at("/data/id").asString();

            Reply read = api.post("/graphql")
                    .token(user.accessToken())
                    .json(Map.of("query", "{ order(id: \"" + id + "\") { note } }"))
                    .send();

            assertThat(read.json().at("/data/order/note").asString()).isEqualTo(url);
            assertThat(trap.connectionsAfterASecond())
                    .as("connections to the URL the client gave")
                    .isZero();
        }
    }
}
