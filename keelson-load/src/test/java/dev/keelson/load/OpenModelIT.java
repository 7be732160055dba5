package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.load.report.TextReport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenModelIT {
    @Test
    void aRateSendsRequestsOnAFixedSchedule() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            LoadResult result = LoadTest.configure()
                    .url(server.url("/json"))
                    .rate(200)
                    .users(10)
                    .duration(Duration.ofSeconds(2))
                    .build()
                    .run();

            assertThat(result.model()).isEqualTo(Model.OPEN);
            assertThat(result.requests()).isBetween(340L, 410L);
            assertThat(result.errors()).isZero();
            assertThat(result.lateness().count()).isLessThanOrEqualTo(result.requests());
        }
    }

    @Test
    void aRampUpSendsFewerRequestsEarlyOn() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            LoadResult result = LoadTest.configure()
                    .url(server.url("/json"))
                    .rate(200)
                    .users(10)
                    .rampUp(Duration.ofSeconds(2))
                    .duration(Duration.ofSeconds(3))
                    .build()
                    .run();

            // 2 s ramping to 200/s sends 200, the last second 200 more
            assertThat(result.requests()).isBetween(320L, 420L);
            assertThat(result.timeline().get(0).requests())
                    .isLessThan(result.timeline().get(2).requests() / 2);
        }
    }

    @Test
    void aStallingServerShowsInTheOpenModelP99ButOnlyInTheClosedModelMax() throws Exception {
        LoadResult open;
        try (TargetServer server = TargetServer.http()) {
            server.stallEveryMillis = 2_000; // stalls during [2 s, 3 s) of the run
            open = LoadTest.configure()
                    .url(server.url("/stall"))
                    .rate(200)
                    .users(50)
                    .duration(Duration.ofMillis(3_900))
                    .build()
                    .run();
        }
        LoadResult closed;
        try (TargetServer server = TargetServer.http()) {
            server.stallEveryMillis = 2_000;
            closed = LoadTest.configure()
                    .url(server.url("/stall"))
                    .users(10)
                    .duration(Duration.ofMillis(3_900))
                    .build()
                    .run();
        }

        assertThat(open.percentileMicros(99)).as("open-model p99").isGreaterThan(500_000);
        assertThat(open.lateness().count())
                .as("requests sent late during the stall")
                .isPositive();
        assertThat(open.lateness().maxMicros()).isGreaterThan(300_000);
        assertThat(closed.latency().getMaxValue()).as("closed-model max").isGreaterThan(500_000);
        assertThat(closed.percentileMicros(99)).as("closed-model p99").isLessThan(100_000);
        assertThat(open.shortfall()).as("the stall put the run behind schedule").isNotNull();
        assertThat(open.shortfall().cause()).isEqualTo(Shortfall.Cause.SERVER);
    }

    @Test
    void aRateTooHighForItsConnectionsSaysSoWithTheFigures() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            LoadResult result = LoadTest.configure()
                    .url(server.url("/slow?ms=20"))
                    .rate(400)
                    .users(2)
                    .threads(1)
                    .duration(Duration.ofSeconds(1))
                    .timeout(Duration.ofSeconds(2))
                    .build()
                    .run();

            assertThat(result.shortfall()).isNotNull();
            assertThat(result.shortfall().cause()).isEqualTo(Shortfall.Cause.TOO_FEW_CONNECTIONS);
            assertThat(result.shortfall().connectionCapacity()).isLessThan(110); // 2 connections / 20 ms
            assertThat(result.shortfall().connectionsNeeded()).isGreaterThanOrEqualTo(8);
            assertThat(TextReport.render(result)).contains("  behind       ").contains("too few connections: 2 at");
        }
    }

    @Test
    void aRunThatKeepsItsScheduleHasNoShortfall() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            LoadResult result = LoadTest.configure()
                    .url(server.url("/json"))
                    .rate(100)
                    .users(5)
                    .duration(Duration.ofSeconds(2))
                    .build()
                    .run();

            assertThat(result.shortfall()).as(result.lateness().toString()).isNull();
        }
    }
}
