package dev.keelson.reference.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Await;
import dev.keelson.reference.testing.RedisServer;
import dev.keelson.reference.testing.ServiceInstance;
import dev.keelson.reference.testing.TestPostgres;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sign-in rate limit while the test's own {@code redis-server} is killed and restarted: it fails open to a
 * per-instance bucket (still limited, never locked out) and is shared again, from a full bucket, once Redis is back.
 */
class RedisDownSignInLimitIT {

    @Test
    void withRedisGoneTheSignInLimitFallsBackToAPerInstanceBucket() {
        TestPostgres.Database db = TestPostgres.create();
        try (RedisServer redis = RedisServer.start();
                ServiceInstance instance = ServiceInstance.start(
                        db,
                        "--spring.data.redis.url=" + redis.url(),
                        "--reference.rate-limit.auth.capacity=3",
                        "--reference.rate-limit.auth.period=1h",
                        "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")) {
            Api api = instance.api();
            assertThat(login(api).status()).isEqualTo(401);
            assertThat(login(api).status()).isEqualTo(401);

            redis.kill();

            for (int i = 0; i < 3; i++) {
                assertThat(login(api).status())
                        .as("per-instance bucket, attempt %d", i + 1)
                        .isEqualTo(401);
            }
            assertThat(login(api).status()).as("still limited without Redis").isEqualTo(429);

            redis.restart();

            Await.until(
                    "readiness UP after Redis came back",
                    Duration.ofSeconds(30),
                    () -> api.get("/health/ready")
                            .send()
                            .json()
                            .get("status")
                            .asString()
                            .equals("UP"));
            // the restarted Redis is empty: the shared bucket of this address starts full again
            assertThat(login(api).header("RateLimit-Remaining")).isEqualTo("2");
        } finally {
            db.drop();
        }
    }

    private static Reply login(Api api) {
        return api.post("/api/v1/auth/login")
                .header("X-Forwarded-For", "198.51.100.30")
                .json(Map.of("email", "nobody@example.com", "password", "a wrong password"))
                .send();
    }
}
