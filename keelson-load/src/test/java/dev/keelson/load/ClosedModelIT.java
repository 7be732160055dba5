package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClosedModelIT {
    @Test
    void aRequestCountSendsExactlyThatManyRequestsAndCountsEveryResponse() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            LoadResult result = LoadTest.configure()
                    .url(server.url("/json"))
                    .users(5)
                    .requests(1000)
                    .threads(2)
                    .build()
                    .run();

            assertThat(result.requests()).isEqualTo(1000);
            assertThat(server.requests.get()).isEqualTo(1000);
            assertThat(result.errors()).isZero();
            assertThat(result.statusCodes()).containsEntry(200, 1000L);
            assertThat(result.latency().getTotalCount()).isEqualTo(1000);
            assertThat(result.bytes()).isGreaterThan(1000L * TargetServer.JSON.length);
        }
    }

    @Test
    void chunkedResponsesAreFramedAndCounted() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            LoadResult result = LoadTest.configure()
                    .url(server.url("/chunked"))
                    .users(3)
                    .requests(300)
                    .build()
                    .run();

            assertThat(result.requests()).isEqualTo(300);
            assertThat(result.errors()).isZero();
        }
    }

    @Test
    void aDurationStopsTheRunAndFillsTheTimeline() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            long start = System.nanoTime();
            LoadResult result = LoadTest.configure()
                    .url(server.url("/json"))
                    .users(4)
                    .duration(Duration.ofSeconds(2))
                    .build()
                    .run();

            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isBetween(Duration.ofMillis(1900), Duration.ofSeconds(5));
            assertThat(result.measured()).isBetween(Duration.ofMillis(1900), Duration.ofMillis(2500));
            assertThat(result.requests()).isGreaterThan(100);
            assertThat(result.timeline()).hasSizeBetween(2, 3);
            assertThat(result.timeline().get(0).requests()).isPositive();
        }
    }

    @Test
    void serverErrorsAreCountedAsErrorsWithTheirStatus() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            LoadResult result = LoadTest.configure()
                    .url(server.url("/status/503"))
                    .users(2)
                    .requests(50)
                    .build()
                    .run();

            assertThat(result.statusCodes()).containsEntry(503, 50L);
            assertThat(result.errorKinds()).containsEntry(ErrorKind.UNEXPECTED, 50L);
            assertThat(result.errorRatio()).isEqualTo(1.0);
        }
    }

    @Test
    void theWarmupIsRunButExcludedFromTheResults() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            LoadResult result = LoadTest.configure()
                    .url(server.url("/json"))
                    .users(2)
                    .warmup(Duration.ofSeconds(1))
                    .duration(Duration.ofSeconds(1))
                    .build()
                    .run();

            assertThat(result.timeline())
                    .first()
                    .satisfies(s -> assertThat(s.warmup()).isTrue());
            long measured = result.timeline().stream()
                    .filter(s -> !s.warmup())
                    .mapToLong(TimelineSecond::requests)
                    .sum();
            assertThat(result.requests()).isEqualTo(measured);
            // each meter is read on its own loop, so a response's latency and status are in the same second
            assertThat(result.latency().getTotalCount()).isEqualTo(result.requests());
            assertThat(server.requests.get()).isGreaterThan(result.requests());
            // 1 s measured, not the 2 s of warm-up + run; the slack is for a busy machine stopping late
            assertThat(result.measured()).isBetween(Duration.ofMillis(900), Duration.ofMillis(1900));
        }
    }

    @Test
    void aRampUpOpensTheConnectionsGradually() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            LoadResult result = LoadTest.configure()
                    .url(server.url("/slow?ms=100"))
                    .users(10)
                    .rampUp(Duration.ofSeconds(2))
                    .duration(Duration.ofSeconds(2))
                    .build()
                    .run();

            // ramping 0 -> 10 users at ~10 requests/s each gives about half of the 200 a flat run sends
            assertThat(result.requests()).isBetween(60L, 130L);
        }
    }
}
