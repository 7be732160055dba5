package dev.keelson.cli.load;

import dev.keelson.load.LoadTest;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --metrics} and {@code --metric}: the target's Prometheus endpoint scraped beside the load. */
final class MetricsOptions {
    @Option(
            names = "--metrics",
            paramLabel = "URL",
            description = "Scrape the target's Prometheus endpoint (e.g. http://localhost:8080/actuator/prometheus)"
                    + " every second and show process CPU, GC pause, pool pending, DB connection use and HTTP server"
                    + " time beside the latency; a failing endpoint is a warning, never a failed run.")
    String metrics;

    @Option(
            names = "--metric",
            paramLabel = "NAME[{LABELS}]",
            description =
                    "With --metrics: show this metric too (repeatable), e.g. jvm_memory_used_bytes{area=\"heap\"};"
                            + " counters as rates, histograms and summaries as means, gauges as they are.")
    List<String> names = new ArrayList<>();

    void applyTo(LoadTest.Builder builder) {
        if (metrics != null) builder.metrics(metrics);
        names.forEach(builder::metric);
    }
}
