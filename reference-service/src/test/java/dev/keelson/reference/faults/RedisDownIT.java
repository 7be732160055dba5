package dev.keelson.reference.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.Await;
import dev.keelson.reference.testing.RedisServer;
import dev.keelson.reference.testing.ServiceInstance;
import dev.keelson.reference.testing.TcpProxy;
import dev.keelson.reference.testing.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redis is the test's own {@code redis-server} process, killed and restarted by the test. Documented behaviour:
 * the instance keeps serving; rate limits fail open to per-instance buckets (still limited, never locked out);
 * readiness stays 200 but reports {@code DEGRADED} with {@code redis: DEGRADED}; all is shared again once Redis
 * is back. ({@code RedisDownSignInLimitIT} shows the sign-in limit through the same outage.)
 */
class RedisDownIT {

    @Test
    void withRedisGoneTheServiceKeepsServingOnPerInstanceLimitsAndReadinessSaysDegraded() {
        TestPostgres.Database db = TestPostgres.create();
        try (RedisServer redis = RedisServer.start();
                ServiceInstance instance = ServiceInstance.start(
                        db,
                        "--spring.data.redis.url=" + redis.url(),
                        "--reference.rate-limit.auth.capacity=3",
                        "--reference.rate-limit.auth.period=1h",
                        "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")) {
            Api api = instance.api();
            Session user = api.newUser(); // from 127.0.0.1: 2 of its 3 sign-in requests
            Reply ready = api.get("/health/ready").send();
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().at("/components/redis/status").asString()).isEqualTo("UP");

            redis.kill();

            assertThat(api.get("/api/v1/orders")
                            .token(user.accessToken())
                            .send()
                            .status())
                    .isEqualTo(200);
            Reply degraded = api.get("/health/ready").send();
            assertThat(degraded.status()).isEqualTo(200);
            assertThat(degraded.json().get("status").asString()).isEqualTo("DEGRADED");
            assertThat(degraded.json().at("/components/redis/status").asString())
                    .isEqualTo("DEGRADED");
            assertThat(degraded.json().at("/components/db/status").asString()).isEqualTo("UP");

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
            assertThat(api.get("/health/ready")
                            .send()
                            .json()
                            .at("/components/redis/status")
                            .asString())
                    .isEqualTo("UP");
        } finally {
            db.drop();
        }
    }

    @Test
    void aWriteWhileRedisIsUnreachableIsNotHiddenByAStaleCachedCopyAfterwards() {
        TestPostgres.Database db = TestPostgres.create();
        try (RedisServer redis = RedisServer.start();
                TcpProxy link = TcpProxy.start("127.0.0.1", redis.port());
                ServiceInstance instance =
                        ServiceInstance.start(db, "--spring.data.redis.url=redis://127.0.0.1:" + link.port())) {
            Api api = instance.api();
            Session user = api.newUser();
            String path = "/api/v1/orders/"
                    + api.post("/api/v1/orders")
                            .token(user.accessToken())
                            .json(Map.of(
                                    "currency",
                                    "EUR",
                                    "note",
                                    "before",
                                    "lines",
                                    List.of(Map.of("product", "Tea", "quantity", 1, "unitPrice", "1.00"))))
                            .send()
                            .json()
                            .at("/data/id")
                            .asString();
            api.get(path).token(user.accessToken()).send(); // now cached in Redis

            link.cut(); // Redis keeps its data, the instance cannot reach it

            Reply patched = api.patch(path)
                    .token(user.accessToken())
                    .header("If-Match", "\"1\"")
                    .json(Map.of("note", "during the outage"))
                    .send();
            assertThat(patched.status()).isEqualTo(200);
            assertThat(api.get(path)
                            .token(user.accessToken())
                            .send()
                            .json()
                            .at("/data/note")
                            .asString())
                    .isEqualTo("during the outage");

            link.restore();

            Await.until(
                    "readiness UP after Redis is reachable again",
                    Duration.ofSeconds(30),
                    () -> api.get("/health/ready")
                            .send()
                            .json()
                            .get("status")
                            .asString()
                            .equals("UP"));
            assertThat(api.get(path)
                            .token(user.accessToken())
                            .send()
                            .json()
                            .at("/data/note")
                            .asString())
                    .as("the copy cached before the outage was dropped when Redis came back")
                    .isEqualTo("during the outage");
        } finally {
            db.drop();
        }
    }
}
