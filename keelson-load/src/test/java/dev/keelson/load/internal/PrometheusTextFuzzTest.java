package dev.keelson.load.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * A metrics endpoint is the target's and untrusted: any bytes parse without an exception escaping, every sample kept
 * has a valid name, and no line is both a sample and a bad line. Fuzzed for a bounded time with JAZZER_FUZZ=1 (the
 * build's fuzz executions); otherwise the inputs under {@code PrometheusTextFuzzTestInputs} run as regression tests.
 */
class PrometheusTextFuzzTest {
    @FuzzTest(maxDuration = "20s")
    void anyTextParsesWithoutThrowing(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        PrometheusText.Exposition parsed = PrometheusText.parse(text);
        long lines = text.lines().count();
        assertThat(parsed.samples().size() + parsed.badLines()).isLessThanOrEqualTo((int) lines);
        for (PrometheusText.Sample s : parsed.samples()) {
            assertThat(PrometheusText.isName(s.name())).as(s.name()).isTrue();
            assertThat(s.labels().keySet()).allMatch(PrometheusText::isName);
        }
        parsed.types()
                .keySet()
                .forEach(name -> assertThat(PrometheusText.isName(name)).isTrue());
        MetricSelector.parse("x", "process_cpu_usage", "jvm_gc_pause_seconds_sum", "http_server_requests_seconds")
                .read(parsed);
    }
}
