package dev.keelson.reference.platform.observability;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * What the service observes. Every HTTP request is one observation ({@code http.server.requests}): a latency
 * histogram per route, method and status in Prometheus and, when tracing is on, one server span.
 *
 * <p>Spring Security's own observations (one per security filter, authentication and authorization) are off: they
 * repeat what the request observation already says and cost more than the rest of the request (measured with JFR
 * under {@code bench/reference-service/run.sh}).
 *
 * <p>Tracing is off unless {@code management.tracing.export.enabled=true} (off in {@code application.yaml}). Off means
 * no spans at all, not spans made and thrown away: the tracer and propagator are Micrometer's no-op ones. On, Spring
 * Boot's OpenTelemetry tracer samples {@code management.tracing.sampling.probability} of the requests and exports
 * them over OTLP to {@code management.opentelemetry.tracing.export.otlp.endpoint}.
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Replaces the OpenTelemetry tracer while tracing is off. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "management.tracing.export.enabled", havingValue = false)
    static class TracingOff {
        @Bean
        Tracer noopTracer() {
            return Tracer.NOOP;
        }

        @Bean
        Propagator noopPropagator() {
            return Propagator.NOOP;
        }
    }
}
