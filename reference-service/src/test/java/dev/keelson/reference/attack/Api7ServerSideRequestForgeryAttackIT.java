package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ConnectionTrap;
import dev.keelson.reference.testing.RawHttp;
import dev.keelson.reference.testing.RawHttp.Reply;
import dev.keelson.reference.testing.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OWASP API7:2023, server-side request forgery. The service fetches no URL a client gives: it holds no outbound HTTP
 * client ({@code Api10UnsafeConsumptionOfApisAttackIT} checks the context).
 * Its token keys come from configuration, never from a URL a token names; its emails carry codes, not links.
 * So the surface is what could make it build a URL from a request: the {@code Host} and {@code X-Forwarded-*}
 * headers, which must not steer {@code Location} headers (or emails), and URLs in text fields, which must stay text.
 */
class Api7ServerSideRequestForgeryAttackIT extends ServiceTest {
    private static final String ORDER =
            "{\"currency\":\"EUR\",\"lines\":[{\"product\":\"p\",\"quantity\":1," + "\"unitPrice\":1}]}";

    @LocalServerPort
    private int port;

    @Test
    void urlsInTextFieldsAreStoredAsTextAndNeverFetched() {
        try (ConnectionTrap trap = new ConnectionTrap()) {
            String url = trap.url("/latest/meta-data");
            Session user = api.newUser();

            var created = api.post("/api/v1/orders")
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
            api.get("/api/v1/orders/" + id).token(user.accessToken()).send();
            api.patch("/api/v1/orders/" + id)
                    .token(user.accessToken())
                    .header("If-Match", "\"1\"")
                    .json(Map.of("note", "file:///etc/passwd " + url))
                    .send();

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().at("/data/note").asString()).isEqualTo(url);
            assertThat(trap.connectionsAfterASecond())
                    .as("connections to the URL the client gave")
                    .isZero();
        }
    }

    @Test
    void hostAndForwardedHeadersDoNotSteerLocation() {
        Session user = api.newUser();
        RawHttp raw = new RawHttp(port);
        for (List<String> headers : List.of(
                List.of("Host: evil.example.net"),
                List.of("X-Forwarded-Host: evil.example.net", "X-Forwarded-Proto: https", "X-Forwarded-Port: 666"),
                List.of("Forwarded: host=evil.example.net;proto=https"),
                List.of("X-Original-URL: http://evil.example.net/", "X-Rewrite-URL: /evil"))) {
            List<String> all = new ArrayList<>(headers);
            all.addAll(List.of(
                    "Content-Type: application/json",
                    "Content-Length: " + ORDER.length(),
                    "Authorization: Bearer " + user.accessToken()));
            Reply reply = raw.send("POST", "/api/v1/orders", ORDER, all.toArray(String[]::new));

            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            assertThat(reply.header("Location")).startsWith("/api/v1/orders/").doesNotContain("evil");
            assertThat(reply.toString()).doesNotContain("evil");
        }
    }
}
