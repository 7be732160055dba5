package dev.keelson.reference.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.Await;
import dev.keelson.reference.testing.ServiceInstance;
import dev.keelson.reference.testing.TcpProxy;
import dev.keelson.reference.testing.TestPostgres;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The instance reaches PostgreSQL through a {@link TcpProxy} that the test cuts, as if the database died (the shared
 * server itself keeps running), and then restores.
 */
class DatabaseDownIT {

    @Test
    void withoutTheDatabaseReadinessIs503RequestsGet503ProblemsAndTheServiceRecoversByItself() {
        TestPostgres.Database db = TestPostgres.create();
        InetSocketAddress server = db.server();
        try (TcpProxy proxy = TcpProxy.start(server.getHostString(), server.getPort());
                ServiceInstance instance = ServiceInstance.start(
                        db,
                        "--spring.datasource.url=" + db.urlThrough("127.0.0.1", proxy.port()),
                        "--spring.datasource.hikari.connection-timeout=1000")) {
            Api api = instance.api();
            Session user = api.newUser();
            String order = api.post("/api/v1/orders")
                    .token(user.accessToken())
                    .json(Map.of(
                            "currency",
                            "EUR",
                            "lines",
                            List.of(Map.of("product", "Tea", "quantity", 1, "unitPrice", "2.50"))))
                    .send()
                    .json()
                    .at("/data/id")
                    .asString();
            Session cold = api.newUser(); // signed in, but none of its requests has read its account yet

            proxy.cut();

            Reply ready = api.get("/health/ready").send();
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().at("/components/db/status").asString()).isEqualTo("DOWN");
            assertThat(api.get("/health/live").send().status()).isEqualTo(200);
            Reply read =
                    api.get("/api/v1/orders/" + order).token(user.accessToken()).send();
            assertThat(read.status()).isEqualTo(503);
            assertThat(read.header("Content-Type")).startsWith("application/problem+json");
            assertThat(read.json().get("type").asString()).endsWith("/unavailable");
            assertThat(read.json().get("detail").asString()).doesNotContain("jdbc", "5432", "Hikari");
            assertThat(read.header("Retry-After")).isEqualTo("2");
            Reply write = api.post("/api/v1/orders/" + order + "/cancel")
                    .token(user.accessToken())
                    .send();
            assertThat(write.status()).isEqualTo(503);
            // a caller whose account is not cached gets the same 503, not a 401 that would make it sign in again
            assertThat(api.get("/api/v1/orders")
                            .token(cold.accessToken())
                            .send()
                            .status())
                    .isEqualTo(503);

            proxy.restore();

            Await.until(
                    "ready again after the database came back",
                    Duration.ofSeconds(30),
                    () -> api.get("/health/ready").send().status() == 200);
            assertThat(api.get("/api/v1/orders/" + order)
                            .token(user.accessToken())
                            .send()
                            .status())
                    .isEqualTo(200);
            assertThat(api.post("/api/v1/orders/" + order + "/cancel")
                            .token(user.accessToken())
                            .send()
                            .status())
                    .isEqualTo(200);
        } finally {
            db.drop();
        }
    }
}
