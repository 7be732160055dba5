package dev.keelson.reference.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.FreshDatabaseInitializer;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Rate limits with sign-in: a strict bucket per client address for sign-in, whatever the path's spelling, and API
 * buckets per user rather than per address.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "reference.rate-limit.auth.capacity=3", "reference.rate-limit.auth.period=1h",
            "reference.rate-limit.api.capacity=5", "reference.rate-limit.api.period=1h",
            // a .properties line: each backslash doubled once more
            "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1|0:0:0:0:0:0:0:1"
        })
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
class SignInRateLimitIT {
    private static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    private int port;

    private Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    private Reply login(String clientAddress, String email) {
        return api.post("/api/v1/auth/login")
                .header("X-Forwarded-For", clientAddress)
                .json(Map.of("email", email, "password", PASSWORD))
                .send();
    }

    @Test
    void signInAttemptsOverTheLimitGet429WithRetryAfterAndTheRateLimitHeaders() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            Reply attempt = login("198.51.100.1", "victim@example.com");
            assertThat(attempt.status()).isEqualTo(401);
            assertThat(attempt.header("RateLimit-Limit")).isEqualTo("3");
            assertThat(attempt.header("RateLimit-Remaining")).isEqualTo(Integer.toString(remaining));
            assertThat(Long.parseLong(attempt.header("RateLimit-Reset"))).isBetween(1L, 3600L);
        }

        Reply limited = login("198.51.100.1", "victim@example.com");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.json().get("type").asString()).endsWith("/rate-limited");
        assertThat(limited.json().get("detail").asString()).contains("sign-in");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 1200L);
        assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(api.get("/health/live").send().status()).isEqualTo(200);
    }

    @Test
    void eachClientAddressBehindTheTrustedProxyHasItsOwnSignInBucket() {
        for (int i = 0; i < 4; i++) {
            login("198.51.100.2", "someone@example.com");
        }
        assertThat(login("198.51.100.2", "someone@example.com").status()).isEqualTo(429);

        assertThat(login("198.51.100.3", "someone@example.com").status()).isEqualTo(401);
    }

    @Test
    void apiRequestsAreLimitedPerUserNotPerAddress() {
        String first = api.newUser("198.51.100.4").accessToken();
        String second = api.newUser("198.51.100.5").accessToken();
        for (int i = 0; i < 5; i++) {
            Reply me = api.get("/api/v1/users/me").token(first).send();
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.header("RateLimit-Limit")).isEqualTo("5");
        }

        Reply limited = api.get("/api/v1/users/me").token(first).send();

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("detail").asString()).startsWith("Too many requests");
        assertThat(api.get("/api/v1/users/me").token(second).send().status()).isEqualTo(200);
    }
}
