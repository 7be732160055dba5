package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.Await;
import dev.keelson.reference.testing.ServiceTest;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class OperationsIT extends ServiceTest {
    @Autowired
    private Tracer tracer;

    @Test
    void livenessAnswersWithoutAuthentication() {
        Reply reply = api.get("/health/live").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void readinessChecksTheDatabaseAndNamesIt() {
        Reply reply = api.get("/health/ready").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(reply.body()).doesNotContain("jdbc").doesNotContain("PostgreSQL");
    }

    @Test
    void prometheusExposesLatencyHistogramsPerRouteAndStatusAndThePool() {
        Session user = api.newUser();
        api.get("/api/v1/orders/00000000-0000-7000-8000-000000000000")
                .token(user.accessToken())
                .send();

        Reply metrics = api.get("/prometheus").send();

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern(
                        "http_server_requests_seconds_bucket\\{[^}]*status=\"404\"[^}]*uri=\"/api/v1/orders/\\{id}\"")
                .contains("hikaricp_connections_pending")
                .contains("hikaricp_connections_max");
    }

    @Test
    void everyRequestIsLoggedOnceAsJsonWithRequestIdUserRouteAndStatusButNoSecrets(CapturedOutput output) {
        Session user = api.newUser();
        Reply reply = api.get("/api/v1/orders?limit=5")
                .token(user.accessToken())
                .header("X-Request-Id", "log-test-" + System.nanoTime())
                .send();
        String requestId = reply.header("X-Request-Id");

        JsonNode event = theAccessEventOf(requestId, output);
        assertThat(event.at("/log/logger").asString()).isEqualTo("access");
        assertThat(event.at("/http/method").asString()).isEqualTo("GET");
        assertThat(event.at("/http/route").asString()).isEqualTo("/api/v1/orders");
        assertThat(event.at("/http/status").asInt()).isEqualTo(200);
        assertThat(event.at("/duration/us").asLong()).isPositive();
        assertThat(event.get("requestId").asString()).isEqualTo(requestId);
        assertThat(event.has("traceId")).as("tracing is off by default").isFalse();
    }

    @Test
    void tracingIsOffByDefaultSoNoSpanIsMade() {
        assertThat(tracer).isSameAs(Tracer.NOOP);
        assertThat(tracer.nextSpan().isNoop()).isTrue();
    }

    /** The one access-log event of the request {@code requestId}, waiting for it (it is written after the response). */
    static JsonNode theAccessEventOf(String requestId, CapturedOutput output) {
        // the event is written after the response is complete, which the client may have read already
        Await.until(
                "the access event of " + requestId,
                Duration.ofSeconds(5),
                () -> output.getOut().lines().anyMatch(line -> line.startsWith("{") && line.contains(requestId)));
        List<JsonNode> events = output.getOut()
                .lines()
                .filter(line -> line.startsWith("{") && line.contains(requestId))
                .map(line -> JsonMapper.builder().build().readTree(line))
                .toList();

        assertThat(events).hasSize(1);
        return events.getFirst();
    }
}
