package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.FreshDatabaseInitializer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** Its own context: the limit here is 3 per hour, where the shared test context lifts it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"reference.rate-limit.auth.capacity=3", "reference.rate-limit.auth.period=1h"})
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
class RateLimitIT {
    @LocalServerPort
    private int port;

    @Test
    void signInAttemptsOverTheLimitGet429WithRetryAfterWhileOtherRoutesStayOpen() {
        Api api = new Api(port);
        Map<String, String> wrong = Map.of("email", "victim@example.com", "password", "guess number one");
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/v1/auth/login").json(wrong).send().status()).isEqualTo(401);
        }

        Reply limited = api.post("/api/v1/auth/login").json(wrong).send();

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        assertThat(limited.json().get("type").asString()).endsWith("/rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(api.get("/health/live").send().status()).isEqualTo(200);
    }
}
