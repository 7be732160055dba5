package dev.keelson.reference.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.FreshDatabaseInitializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Its own context with small limits (5 API requests, 3 sign-in requests per hour) and the test client's address
 * (127.0.0.1) as a trusted proxy (Tomcat's {@code internal-proxies}), so each test picks its client address with
 * {@code X-Forwarded-For}. These are the per-instance buckets.
 * In a project with Redis, {@code TwoInstancesIT} shows the ones shared through it.
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
class RateLimitIT {

    @LocalServerPort
    private int port;

    private Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void apiRequestsOverTheLimitGet429WithRetryAfterAndTheRateLimitHeaders() {
        Session client = api.newUser("198.51.100.6");
        for (int remaining = 4; remaining >= 0; remaining--) {
            Reply list = api.get("/api/v1/orders")
                    .header("X-Forwarded-For", "198.51.100.6")
                    .token(client.accessToken())
                    .send();
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.header("RateLimit-Limit")).isEqualTo("5");
            assertThat(list.header("RateLimit-Remaining")).isEqualTo(Integer.toString(remaining));
        }

        Reply limited = api.get("/api/v1/orders")
                .header("X-Forwarded-For", "198.51.100.6")
                .token(client.accessToken())
                .send();

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.json().get("type").asString()).endsWith("/rate-limited");
        assertThat(limited.json().get("detail").asString()).startsWith("Too many requests");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
    }
}
