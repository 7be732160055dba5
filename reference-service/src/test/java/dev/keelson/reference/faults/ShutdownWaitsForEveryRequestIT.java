package dev.keelson.reference.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.ServiceInstance;
import dev.keelson.reference.testing.SlowEngineValve;
import dev.keelson.reference.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A request Tomcat took just before the connector paused, still in the container's valves and not yet at a servlet
 * when shutdown began, is answered in full: graceful shutdown waits for it (Spring Boot's own wait looks at servlets
 * only, so the request would be cut off when the server stopped).
 */
class ShutdownWaitsForEveryRequestIT {

    @Test
    void aRequestNotYetAtAServletWhenShutdownBeginsIsAnsweredInFull() throws Exception {
        TestPostgres.Database db = TestPostgres.create();
        try {
            ServiceInstance instance = ServiceInstance.start(db, "--keelson.test.slow-valve=true");
            SlowEngineValve valve = instance.bean(SlowEngineValve.class);
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + instance.port() + "/health/liveness"))
                    .header("X-Slow-Valve", "1500")
                    .timeout(Duration.ofSeconds(30))
                    .build();
            CompletableFuture<HttpResponse<String>> answer =
                    HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
            assertThat(valve.entered().await(20, TimeUnit.SECONDS))
                    .as("the request reached the valve")
                    .isTrue();

            instance.close();

            HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("UP");
        } finally {
            db.drop();
        }
    }
}
