package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceInstance;
import dev.keelson.reference.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;

/**
 * OWASP API9:2023, improper inventory management: what is reachable is what is documented. Started as production
 * ({@code SPRING_PROFILES_ACTIVE=prod}, every required setting given): the public port serves the API and nothing
 * else (no metrics, no health, no OpenAPI document or Swagger UI, no other Actuator endpoint), the management port
 * serves health and metrics and no API; API versions other than {@code v1} do not exist.
 */
class Api9ImproperInventoryManagementAttackIT {
    private static TestPostgres.Database db;
    private static ServiceInstance prod;
    private static Api publicPort;
    private static Api managementPort;

    @BeforeAll
    static void start() {
        db = TestPostgres.create();
        prod = ServiceInstance.start(db, "--spring.profiles.active=prod", "--management.server.port=0");
        publicPort = prod.api();
        managementPort = new Api(Integer.parseInt(prod.bean(Environment.class).getProperty("local.management.port")));
    }

    @AfterAll
    static void stop() {
        if (prod != null) {
            prod.close();
        }
        if (db != null) {
            db.drop();
        }
    }

    @Test
    void thePublicPortServesNeitherMetricsNorDocsNorActuator() {
        Session user = publicPort.newUser();
        for (String path : List.of(
                "/prometheus",
                "/health",
                "/health/ready",
                "/health/live",
                "/v3/api-docs",
                "/v3/api-docs.yaml",
                "/swagger-ui.html",
                "/swagger-ui/index.html",
                "/actuator",
                "/actuator/health",
                "/env",
                "/beans",
                "/heapdump",
                "/threaddump",
                "/loggers",
                "/mappings",
                "/configprops",
                "/metrics",
                "/error")) {
            Reply reply = publicPort.get(path).token(user.accessToken()).send();
            assertThat(reply.status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void theManagementPortServesHealthAndMetricsOnly() {
        assertThat(managementPort.get("/health/ready").send().status()).isEqualTo(200);
        assertThat(managementPort.get("/health/live").send().status()).isEqualTo(200);
        assertThat(managementPort.get("/prometheus").send().body()).contains("jvm_memory_used_bytes");
        for (String path : List.of(
                "/env",
                "/beans",
                "/heapdump",
                "/threaddump",
                "/loggers",
                "/mappings",
                "/configprops",
                "/metrics",
                "/api/v1/orders",
                "/v3/api-docs",
                "/error")) {
            // 401 where security asks for a token it would not accept there either
            assertThat(managementPort.get(path).send().status()).as(path).isIn(401, 404);
        }
        // the error path is for the container's error dispatches: called directly it is an unknown path there too
        for (String path : List.of("/error", "/error;x=1", "/%65rror", "/error/")) {
            String unknown = path.replace("error", "nope").replace("%65rror", "nope");
            assertThat(managementPort.get(path).send().status())
                    .as(path)
                    .isEqualTo(managementPort.get(unknown).send().status());
        }
    }

    @Test
    void otherApiVersionsDoNotExist() {
        Session user = publicPort.newUser();
        for (String path : List.of(
                "/api/v0/orders",
                "/api/v2/orders",
                "/api/orders",
                "/api/v1.0/orders",
                "/api/V1/orders",
                "/v1/orders",
                "/api/latest/orders",
                "/api/v1/internal/orders")) {
            Reply reply = publicPort.get(path).token(user.accessToken()).send();
            assertThat(reply.status()).as(path).isEqualTo(404);
        }
    }
}
