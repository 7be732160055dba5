package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.keelson.load.report.CapacityReport;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class CapacitySearchIT {
    /** A real server with a real limit: 4 worker threads, 10 ms per request, so at most about 400 requests/s. */
    private static HttpServer limited(ExecutorService workers) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(workers);
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    @Test
    void theHighestRateMeetingEverySloIsFoundByStepsThenBisection() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        HttpServer server = limited(workers);
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            List<Threshold> slos = List.of(Threshold.parse("p99<100ms"), Threshold.parse("errors<1%"));
            List<CapacitySearch.Step> heard = new ArrayList<>();
            CapacitySearch search = CapacitySearch.run(
                    new CapacitySearch.Plan(25, 2, 3200, Duration.ofSeconds(1), Duration.ofSeconds(2), 0.2, 7),
                    slos,
                    rate -> LoadTest.configure()
                            .url(url)
                            .rate(rate)
                            .users(50)
                            .warmup(Duration.ofSeconds(1)) // connections open and the JIT warms up unmeasured
                            .duration(Duration.ofSeconds(2))
                            .timeout(Duration.ofSeconds(3))
                            .threshold("p99<100ms")
                            .threshold("errors<1%")
                            .build()
                            .run(),
                    heard::add);

            assertThat(heard).isEqualTo(search.steps());
            assertThat(search.steps().get(0).offered()).isEqualTo(25);
            assertThat(search.steps().get(0).met())
                    .as(CapacityReport.text(search))
                    .isTrue();
            CapacitySearch.Step firstFailure =
                    search.steps().stream().filter(s -> !s.met()).findFirst().orElseThrow();
            assertThat(firstFailure.offered()).isGreaterThan(search.capacity());
            assertThat(firstFailure.reason()).matches("(latency: p99<100ms|not steady: p99 rose|server: ).*");
            assertThat(search.steps()).anyMatch(CapacitySearch.Step::bisected);
            assertThat(search.capacity()).as(CapacityReport.text(search)).isBetween(25.0, 520.0);
            double knee = search.knee(); // none when no step's p99 doubled (an SLO broke before)
            assertThat(Double.isNaN(knee) || (knee > 25 && knee <= firstFailure.offered()))
                    .as(knee + " " + CapacityReport.text(search))
                    .isTrue();
            assertThat(CapacityReport.text(search))
                    .contains("capacity     ")
                    .contains("requests/s met every SLO")
                    .contains("FAILED ");
            assertThat(CapacityReport.json(search))
                    .contains("\"capacity\" : " + search.capacity())
                    .contains("\"reason\" : \"" + firstFailure.reason().substring(0, 10))
                    .contains("\"histogram\" : ");
            assertThat(CapacityReport.html(search)).contains("<svg").contains("SLO p99&lt;100ms");
        } finally {
            server.stop(0);
            workers.shutdownNow();
        }
    }

    @Test
    void aSearchNeedsAnSloAndASensiblePlan() {
        assertThatThrownBy(() -> CapacitySearch.run(
                        new CapacitySearch.Plan(10, 2, 100, Duration.ZERO, Duration.ofSeconds(1), 0.05, 3),
                        List.of(),
                        rate -> null,
                        s -> {}))
                .hasMessage("a capacity search needs at least one SLO, e.g. p99<250ms");
        assertThatThrownBy(() -> new CapacitySearch.Plan(10, 1, 100, Duration.ZERO, Duration.ofSeconds(1), 0.05, 3))
                .hasMessage("the step factor must be above 1, got 1.0");
    }
}
