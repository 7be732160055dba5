package dev.keelson.load.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.keelson.load.LoadException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    private static final String MICROMETER = """
            # HELP process_cpu_usage The "recent cpu usage" for the Java Virtual Machine process
            # TYPE process_cpu_usage gauge
            process_cpu_usage 0.25
            # TYPE jvm_gc_pause_seconds summary
            jvm_gc_pause_seconds_count{action="end of minor GC",gc="G1 Young Generation"} 3
            jvm_gc_pause_seconds_sum{action="end of minor GC",gc="G1 Young Generation"} 0.012
            jvm_gc_pause_seconds_count{action="end of major GC",gc="G1 Old Generation"} 1
            jvm_gc_pause_seconds_sum{action="end of major GC",gc="G1 Old Generation"} 0.1
            # TYPE http_server_requests_seconds histogram
            http_server_requests_seconds_bucket{method="GET",uri="/api/orders",le="+Inf"} 10
            http_server_requests_seconds_count{method="GET",uri="/api/orders"} 10
            http_server_requests_seconds_sum{method="GET",uri="/api/orders"} 0.5
            http_server_requests_seconds_count{method="POST",uri="/api/orders"} 2
            http_server_requests_seconds_sum{method="POST",uri="/api/orders"} 0.3
            # TYPE hikaricp_connections_pending gauge
            hikaricp_connections_pending{pool="HikariPool-1"} 4.0
            # TYPE tomcat_sessions_created_sessions_total counter
            tomcat_sessions_created_sessions_total 12.0
            """;

    @Test
    void readsSamplesTypesAndEscapedLabels() {
        var parsed = PrometheusText.parse(
                MICROMETER + "odd{path=\"a\\\"b\\\\c\\n\",} NaN 1700000000\nnot a sample\nx{a=\"1\"} 0x10\n");
        assertThat(parsed.types())
                .containsEntry("process_cpu_usage", "gauge")
                .containsEntry("jvm_gc_pause_seconds", "summary");
        assertThat(parsed.samples().get(0)).isEqualTo(new PrometheusText.Sample("process_cpu_usage", Map.of(), 0.25));
        var odd = parsed.samples().get(parsed.samples().size() - 1);
        assertThat(odd.labels()).containsEntry("path", "a\"b\\c\n");
        assertThat(odd.value()).isNaN();
        assertThat(parsed.badLines()).isEqualTo(2);
    }

    @Test
    void gaugesAreSummedCountersBecomeRatesDistributionsMeans() {
        var body = PrometheusText.parse(MICROMETER);
        var later = PrometheusText.parse(MICROMETER
                .replace("} 10\n", "} 20\n")
                .replace("} 0.5\n", "} 1.5\n")
                .replace("sessions_total 12.0", "sessions_total 32.0"));
        assertThat(MetricSelector.parse("hikaricp_connections_pending")
                        .read(body)
                        .value())
                .isEqualTo(4.0);
        MetricSelector get = MetricSelector.parse("http_server_requests_seconds{method=\"GET\"}");
        var mean = get.read(later).since(get.read(body), 2);
        assertThat(get.read(body).kind()).isEqualTo("mean");
        assertThat(mean).isEqualTo(0.1); // 1 s more over 10 more requests
        MetricSelector sessions = MetricSelector.parse("tomcat_sessions_created_sessions_total");
        assertThat(sessions.read(later).since(sessions.read(body), 2)).isEqualTo(10.0);
        MetricSelector gc = MetricsScrape.DEFAULTS.stream()
                .filter(s -> s.label().equals("GC pause"))
                .findFirst()
                .orElseThrow();
        assertThat(gc.read(body).kind()).isEqualTo("rate"); // the _sum of a summary: seconds paused per second
        assertThat(gc.read(body).value()).isCloseTo(0.112, within(1e-9));
        assertThat(MetricSelector.parse("no_such_metric").read(body)).isNull();
    }

    /** The reference service's own /prometheus body (Micrometer 1.16), saved while it ran. */
    @Test
    void everyDefaultIsFoundInTheReferenceServicesBody() throws Exception {
        String body;
        try (var in = getClass().getResourceAsStream("reference-service-prometheus.txt")) {
            body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var parsed = PrometheusText.parse(body);

        assertThat(parsed.badLines()).isZero();
        assertThat(MetricsScrape.DEFAULTS)
                .allSatisfy(s -> assertThat(s.read(parsed)).as(s.label()).isNotNull());
        assertThat(MetricsScrape.DEFAULTS.stream().map(s -> s.read(parsed).kind()))
                .containsExactly("gauge", "rate", "gauge", "mean", "mean");
    }

    @Test
    void aBadMetricNameIsRefusedNamingTheFix() {
        assertThatThrownBy(() -> MetricSelector.parse("9lives"))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("--metric 9lives: '9lives' is not a Prometheus metric name");
        assertThatThrownBy(() -> MetricSelector.parse("up{job=unquoted}"))
                .hasMessageContaining("write them as {name=\"value\",...}");
    }
}
