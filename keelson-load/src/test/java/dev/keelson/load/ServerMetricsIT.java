package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.keelson.load.report.JsonReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerMetricsIT {
    @Test
    void aRunCarriesTheTargetsMetricsOnItsTimeline(@TempDir Path dir) throws Exception {
        try (TargetServer target = TargetServer.http();
                MetricsEndpoint metrics = new MetricsEndpoint()) {
            LoadResult result = LoadTest.configure()
                    .url(target.url("/json"))
                    .users(2)
                    .duration(Duration.ofSeconds(3))
                    .metrics(metrics.url("/metrics"))
                    .metric("test_requests{uri=\"/a\"}")
                    .metric("test_clock_seconds")
                    .metric("absent_metric")
                    .build()
                    .run();

            ServerMetrics server = result.server();
            assertThat(server.failed()).isZero();
            assertThat(server.scrapes()).isBetween(3, 5);
            assertThat(server.series())
                    .extracting(ServerMetrics.Series::label)
                    .containsExactly(
                            "test_requests{uri=\"/a\"}", "test_clock_seconds", "process CPU", "HTTP server time");
            ServerMetrics.Series requests = server.series().get(0);
            assertThat(requests.kind()).isEqualTo("rate");
            assertThat(requests.points())
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p.value()).isCloseTo(100, within(25.0)));
            ServerMetrics.Series clock = server.series().get(1);
            assertThat(clock.kind()).isEqualTo("gauge");
            assertThat(clock.points().get(clock.points().size() - 1).value())
                    .isGreaterThan(clock.points().get(0).value() + 1.5);
            assertThat(clock.points()).allSatisfy(p -> assertThat(p.second()).isBetween(-0.5, 3.5));
            assertThat(server.series().get(3).points())
                    .allSatisfy(p -> assertThat(p.value()).isCloseTo(0.005, within(1e-6)));
            assertThat(server.warnings())
                    .containsExactly("--metric absent_metric: the endpoint has no such metric"
                            + " (names as in its text, e.g. jvm_memory_used_bytes{area=\"heap\"})");

            Path saved = dir.resolve("run.json");
            Files.writeString(saved, JsonReport.render(result));
            assertThat(JsonReport.read(saved).server()).isEqualTo(server);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "/endless, (did not end within|larger than 8 MiB|had not answered when the run ended)",
        "/trickle, (did not end within|had not answered when the run ended)",
        "/silent, (no answer within|had not answered when the run ended)",
        "/huge, (larger than 8 MiB|did not end within|had not answered when the run ended)",
        "/garbage, no samples",
        "/status, HTTP status 503",
    })
    void aBrokenOrHostileEndpointNeitherBreaksNorStallsTheRun(String path, String warning) throws Exception {
        try (TargetServer target = TargetServer.http();
                MetricsEndpoint metrics = new MetricsEndpoint()) {
            long start = System.nanoTime();
            LoadResult result = LoadTest.configure()
                    .url(target.url("/json"))
                    .users(2)
                    .duration(Duration.ofSeconds(2))
                    .metrics(metrics.url(path))
                    .build()
                    .run();
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(seconds)
                    .as("the endpoint would hold a stalled run for a minute or forever")
                    .isLessThan(12);
            assertThat(result.errors()).isZero();
            assertThat(result.requests()).isPositive();
            assertThat(result.server().series()).isEmpty();
            assertThat(result.server().failed()).isPositive();
            assertThat(result.server().warnings()).anySatisfy(w -> assertThat(w).containsPattern(warning));
        }
    }

    @Test
    void anUnreachableEndpointIsAWarningNotAFailure() throws Exception {
        try (TargetServer target = TargetServer.http()) {
            LoadResult result = LoadTest.configure()
                    .url(target.url("/json"))
                    .users(1)
                    .duration(Duration.ofSeconds(1))
                    .metrics("http://127.0.0.1:1/actuator/prometheus")
                    .build()
                    .run();

            assertThat(result.requests()).isPositive();
            assertThat(result.server().warnings()).anySatisfy(w -> assertThat(w).contains("scrapes failed"));
        }
    }
}
