package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.load.report.HtmlReport;
import dev.keelson.load.report.TextReport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Stages of users (closed) and of rate (open), as k6's ramping executors, and the open model's iterations. */
@Timeout(60)
class StagesIT {
    @Test
    void rateStagesRampTheScheduleAndAreReportedOneByOne() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            LoadResult result = LoadTest.configure()
                    .url(server.url("/json"))
                    .users(10)
                    .ramp(Ramp.of(List.of(Stage.parse("1s:200/s", "stage"), Stage.parse("1s:200/s", "stage"))))
                    .build()
                    .run();

            assertThat(result.model()).isEqualTo(Model.OPEN);
            assertThat(result.measured()).isBetween(Duration.ofMillis(1900), Duration.ofMillis(2500));
            assertThat(result.stages()).hasSize(2);
            // 0 -> 200/s over 1 s is 100 requests, then 200
            assertThat(result.stages().get(0).requests()).isBetween(70L, 140L);
            assertThat(result.stages().get(1).requests()).isBetween(160L, 240L);
            assertThat(TextReport.render(result))
                    .contains("open model, rate in 2 stages over 10 connections")
                    .contains("  stage 1      1s to 200/s")
                    .contains("  stage 2      1s to 200/s");
            assertThat(HtmlReport.render(result)).contains("target rate/s");
        }
    }

    @Test
    void userStagesAddUsersAsTheRampClimbs() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            LoadResult result = LoadTest.configure()
                    .url(server.url("/slow?ms=50"))
                    .ramp(Ramp.of(List.of(Stage.parse("1s:4", "stage"), Stage.parse("1s:4", "stage"))))
                    .build()
                    .run();

            assertThat(result.model()).isEqualTo(Model.CLOSED);
            assertThat(result.users()).isEqualTo(4);
            // 4 users at ~20 requests/s each in the second stage; about half that on average while ramping
            assertThat(result.stages().get(1).requests()).isBetween(50L, 95L); // + answers drained at the end
            assertThat(result.stages().get(0).requests())
                    .isLessThan(result.stages().get(1).requests() * 3 / 4);
            assertThat(TextReport.render(result))
                    .contains("closed model, users in 2 stages")
                    .contains("1s to 4 users");
            assertThat(HtmlReport.render(result)).contains("active users").contains("<table class=\"stages\">");
        }
    }

    @Test
    void theOpenModelStartsIterationsOnScheduleAndHonoursThinkTime() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            Scenario scenario = new Scenario(
                    URI.create(server.url("")),
                    List.of(
                            new Step(
                                    "login",
                                    "POST",
                                    "/login?user=a",
                                    Map.of(),
                                    "{}",
                                    200,
                                    Map.of(),
                                    Duration.ofMillis(200)),
                            new Step("orders", "GET", "/json", Map.of(), null, 200, Map.of(), null)),
                    null);
            LoadResult result = LoadTest.configure()
                    .scenario(scenario)
                    .rate(10)
                    .users(10)
                    .duration(Duration.ofSeconds(2))
                    .build()
                    .run();

            // 10 iterations a second, each a login and (200 ms later) the orders: about 20 of each, not 10
            assertThat(result.step("login").orElseThrow().requests()).isBetween(17L, 23L);
            assertThat(result.step("orders").orElseThrow().requests()).isBetween(15L, 23L);
            assertThat(result.errors()).isZero();
        }
    }
}
