package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.FreshDatabaseInitializer;
import dev.keelson.reference.testing.OtlpReceiver;
import dev.keelson.reference.testing.OtlpReceiver.Span;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tracing switched on as the docs say (export enabled, an OTLP endpoint), against a real OTLP/HTTP receiver: every
 * request reaches it as a server span named by its route. Off by default: see {@code OperationsIT}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.tracing.export.enabled=true",
            "management.tracing.sampling.probability=1.0",
            "management.opentelemetry.tracing.export.schedule-delay=100ms"
        })
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
@ExtendWith(OutputCaptureExtension.class)
class TracingIT {
    private static final OtlpReceiver RECEIVER = new OtlpReceiver();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void otlpEndpoint(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", RECEIVER::tracesUrl);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void aRequestIsExportedAsAServerSpanOfItsRouteInTheCallersTrace(CapturedOutput output) {
        Api api = new Api(port);
        Session user = api.newUser();
        String traceId = UUID.randomUUID().toString().replace("-", "");

        Reply reply = api.get("/api/v1/orders/" + UUID.randomUUID())
                .token(user.accessToken())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .send();

        assertThat(reply.status()).isEqualTo(404);
        List<Span> spans = RECEIVER.await(s -> s.traceId().equals(traceId) && s.kind() == Span.KIND_SERVER);
        assertThat(spans).singleElement().satisfies(span -> {
            assertThat(span.name()).isEqualTo("http get /api/v1/orders/{id}");
            assertThat(span.service()).isEqualTo("reference-service");
            assertThat(span.attributes())
                    .containsEntry("uri", "/api/v1/orders/{id}")
                    .containsEntry("status", "404");
        });
        assertThat(output.getOut().lines().filter(l -> l.contains(reply.header("X-Request-Id"))))
                .as("the access log line carries the trace id")
                .anySatisfy(line -> assertThat(line).contains("\"traceId\":\"" + traceId + "\""));
    }

    @Test
    void aRequestWithoutTraceContextStartsItsOwnTrace() {
        Api api = new Api(port);
        api.get("/api/v1/orders/" + UUID.randomUUID())
                .token(api.newUser().accessToken())
                .send();

        assertThat(RECEIVER.await(s -> s.name().equals("http get /api/v1/orders/{id}")))
                .isNotEmpty()
                .allSatisfy(span -> assertThat(span.traceId()).hasSize(32).isNotEqualTo("0".repeat(32)));
    }
}
