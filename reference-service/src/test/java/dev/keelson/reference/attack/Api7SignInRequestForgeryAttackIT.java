package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.RawHttp;
import dev.keelson.reference.testing.RawHttp.Reply;
import dev.keelson.reference.testing.ServiceTest;
import dev.keelson.reference.testing.TestSmtp;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** OWASP API7:2023 for sign-in: token keys and emails never make the service fetch a URL. */
class Api7SignInRequestForgeryAttackIT extends ServiceTest {
    private static final String ORDER =
            "{\"currency\":\"EUR\",\"lines\":[{\"product\":\"p\",\"quantity\":1," + "\"unitPrice\":1}]}";

    @LocalServerPort
    private int port;

    @Test
    void emailsCarryNeitherLinksNorTheRequestsHost() {
        String email = "ssrf-" + UUID.randomUUID() + "@example.com";
        String body = "{\"email\":\"" + email + "\",\"password\":\"a long enough passphrase 7\","
                + "\"displayName\":\"Mallory\"}";
        Reply reply = new RawHttp(port)
                .send(
                        "POST",
                        "/api/v1/auth/register",
                        body,
                        "Host: evil.example.net",
                        "X-Forwarded-Host: evil.example.net",
                        "Content-Type: application/json",
                        "Content-Length: " + body.length());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        List<String> bodies = TestSmtp.bodiesFor(email, 1);
        assertThat(bodies)
                .isNotEmpty()
                .allSatisfy(text -> assertThat(text)
                        .doesNotContain("evil")
                        .doesNotContain("http://")
                        .doesNotContain("https://"));
    }
}
