package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.load.RawTarget.Behaviour;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every request that was due is accounted for exactly once, whatever the target does; thresholds see all of them. */
@Timeout(60)
class AccountingIT {
    @Test
    void aTargetThatNeverAnswersFailsLatencyAndErrorThresholds() throws Exception {
        try (RawTarget target = new RawTarget(Behaviour.BLACK_HOLE)) {
            LoadResult result = LoadTest.configure()
                    .url(target.url("/"))
                    .users(2)
                    .duration(Duration.ofSeconds(1))
                    .timeout(Duration.ofMillis(300))
                    .threshold("p99<100ms")
                    .threshold("errors<1%")
                    .build()
                    .run();

            assertThat(result.requests()).isZero();
            assertThat(result.errorKinds()).containsOnlyKeys(ErrorKind.TIMEOUT);
            assertThat(result.due()).isEqualTo(target.requests.get()).isPositive();
            assertThat(result.errorRatio()).isEqualTo(1.0);
            assertThat(result.thresholds())
                    .extracting(Threshold.Outcome::describe)
                    .containsExactly("p99<100ms: no answer  FAILED", "errors<1%: 100.00%  FAILED");
        }
    }

    @Test
    void theOpenModelCountsSlotsNeverSentAgainstABlackHole() throws Exception {
        try (RawTarget target = new RawTarget(Behaviour.BLACK_HOLE)) {
            LoadResult result = LoadTest.configure()
                    .url(target.url("/"))
                    .rate(100)
                    .users(2)
                    .duration(Duration.ofSeconds(1))
                    .timeout(Duration.ofMillis(400))
                    .threshold("errors<50%")
                    .build()
                    .run();

            assertThat(result.requests()).isZero();
            assertThat(result.errorKinds()).containsKeys(ErrorKind.TIMEOUT, ErrorKind.NOT_SENT);
            // 100 slots fall due in the second; each one is a timeout or never sent, none is lost
            assertThat(result.due()).isBetween(95L, 105L);
            assertThat(result.errorKinds().get(ErrorKind.TIMEOUT)).isEqualTo(target.requests.get());
            assertThat(result.passed()).isFalse();
        }
    }

    @Test
    void stoppingTwiceCountsTheAnswersStillAwaitedAsUnfinished() throws Exception {
        ScheduledExecutorService stopper = Executors.newSingleThreadScheduledExecutor();
        try (RawTarget target = new RawTarget(Behaviour.BLACK_HOLE)) {
            LoadTest test = LoadTest.configure()
                    .url(target.url("/"))
                    .users(3)
                    .duration(Duration.ofSeconds(30))
                    .timeout(Duration.ofSeconds(30))
                    .build();
            stopper.schedule(test::stop, 500, TimeUnit.MILLISECONDS);
            stopper.schedule(test::stop, 900, TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            LoadResult result = test.run();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(result.errorKinds()).containsExactly(Map.entry(ErrorKind.UNFINISHED, 3L));
            assertThat(result.measured()).isLessThan(Duration.ofSeconds(5));
        } finally {
            stopper.shutdownNow();
        }
    }

    @Test
    void aServerDownForMostOfAClosedRunFailsTheErrorThresholdByWhatItLost() throws Exception {
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        try (TargetServer server = TargetServer.http()) {
            killer.schedule(server::kill, 1, TimeUnit.SECONDS);
            LoadResult result = LoadTest.configure()
                    .url(server.url("/json"))
                    .users(4)
                    .threads(1)
                    .duration(Duration.ofSeconds(3))
                    .threshold("errors<5%")
                    .build()
                    .run();

            // down for 2 of 3 seconds: about two thirds of the requests due were lost, not one per reconnect
            assertThat(result.errorRatio()).as(result.errorKinds().toString()).isGreaterThan(0.4);
            assertThat(result.errorKinds()).containsKey(ErrorKind.CONNECT);
            assertThat(result.passed()).isFalse();
        } finally {
            killer.shutdownNow();
        }
    }

    @Test
    void aSlowServerDownForPartOfARunLosesWhatItWouldHaveAnsweredNotOnePerReconnect() throws Exception {
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        try (TargetServer server = TargetServer.http()) {
            killer.schedule(server::kill, 1, TimeUnit.SECONDS);
            LoadResult result = LoadTest.configure()
                    .url(server.url("/slow?ms=200"))
                    .users(4)
                    .threads(1)
                    .duration(Duration.ofSeconds(3))
                    .build()
                    .run();

            // 4 users, one answer per 200 ms each: ~20 answered, ~40 lost in the 2 s down; one error per reconnect
            // attempt (every 50 ms) would be ~160 errors, 89 %
            assertThat(result.due()).as(result.errorKinds().toString()).isBetween(35L, 100L);
            assertThat(result.errorRatio())
                    .as(result.errorKinds() + " of " + result.due())
                    .isBetween(0.45, 0.82);
        } finally {
            killer.shutdownNow();
        }
    }

    @Test
    void anOutageAtTheStartOfAClosedRunWeighsAsMuchAsOneLater() throws Exception {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        TargetServer server = TargetServer.http();
        int port = server.port();
        TargetServer[] back = new TargetServer[1];
        try {
            clock.schedule(server::kill, 100, TimeUnit.MILLISECONDS);
            clock.schedule(() -> back[0] = TargetServer.http(port), 1_600, TimeUnit.MILLISECONDS);
            LoadResult result = LoadTest.configure()
                    .url(server.url("/json"))
                    .users(4)
                    .threads(1)
                    .duration(Duration.ofSeconds(3))
                    .build()
                    .run();

            // down for about 1.5 of 3 seconds before any user had a pace: once they have one, the outage is counted
            // at that pace (about half the requests due), not as one error per reconnect attempt
            assertThat(result.errorRatio())
                    .as(result.errorKinds() + " of " + result.due())
                    .isBetween(0.2, 0.8);
        } finally {
            clock.shutdownNow();
            if (back[0] != null) back[0].close();
        }
    }

    @Test
    void aServerDownForMostOfAnOpenRunLosesItsScheduledSlots() throws Exception {
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
        try (TargetServer server = TargetServer.http()) {
            // killed once it has answered about a second of the run (200 requests), however late the run started
            killer.scheduleWithFixedDelay(
                    () -> {
                        if (server.requests.get() >= 200) {
                            server.kill();
                            killer.shutdown();
                        }
                    },
                    10,
                    10,
                    TimeUnit.MILLISECONDS);
            LoadResult result = LoadTest.configure()
                    .url(server.url("/json"))
                    .rate(200)
                    .users(4)
                    .threads(1)
                    .duration(Duration.ofSeconds(3))
                    .build()
                    .run();

            // 600 slots (fewer when the first connection comes up late: the timetable starts with it); about 400
            // fall due while the server is gone
            // on a loaded machine the run's end can land a little late: the slots due are those of the time measured
            long slots = Math.round(200 * result.measured().toNanos() / 1e9);
            assertThat(result.due()).as("measured " + result.measured()).isBetween(500L, slots + 1);
            assertThat(result.errorRatio()).as(result.errorKinds().toString()).isBetween(0.5, 0.8);
        } finally {
            killer.shutdownNow();
        }
    }

    @Test
    void aMultiStepScenarioGetsPastItsFirstStepWhenTheServerClosesEveryConnection() throws Exception {
        try (RawTarget target = new RawTarget(Behaviour.CLOSE_EVERY_CONNECTION)) {
            Scenario scenario = new Scenario(
                    URI.create(target.url("")),
                    List.of(
                            new Step("login", "POST", "/login", Map.of(), "{}", 200, Map.of("token", "/token"), null),
                            new Step(
                                    "orders",
                                    "GET",
                                    "/orders",
                                    Map.of("Authorization", "Bearer ${token}"),
                                    null,
                                    200,
                                    Map.of(),
                                    null)),
                    null);
            LoadResult result = LoadTest.configure()
                    .scenario(scenario)
                    .users(2)
                    .requests(40)
                    .build()
                    .run();

            assertThat(result.errors()).isZero();
            assertThat(target.path("/login") + target.path("/orders")).isEqualTo(40);
            assertThat(target.path("/orders"))
                    .isGreaterThanOrEqualTo(19); // each user alternates; one may end on a login
        }
    }

    @Test
    void aSlowDripTimesOutAndEndsTheBudget() throws Exception {
        try (RawTarget target = new RawTarget(Behaviour.SLOW_DRIP)) {
            LoadResult result = LoadTest.configure()
                    .url(target.url("/"))
                    .users(2)
                    .requests(6)
                    .timeout(Duration.ofMillis(300))
                    .build()
                    .run();

            assertThat(result.errorKinds()).containsExactly(Map.entry(ErrorKind.TIMEOUT, 6L));
            assertThat(result.due()).isEqualTo(6);
        }
    }

    @Test
    void garbageBytesAreOneBadResponsePerRequest() throws Exception {
        try (RawTarget target = new RawTarget(Behaviour.GARBAGE)) {
            LoadResult result = LoadTest.configure()
                    .url(target.url("/"))
                    .users(2)
                    .requests(10)
                    .build()
                    .run();

            assertThat(result.errorKinds()).containsExactly(Map.entry(ErrorKind.BAD_RESPONSE, 10L));
            assertThat(target.requests.get()).isEqualTo(10);
        }
    }

    @Test
    void anHttp10ServerThatFramesByClosingIsAnsweredInFull() throws Exception {
        try (RawTarget target = new RawTarget(Behaviour.HTTP_1_0)) {
            LoadResult result = LoadTest.configure()
                    .url(target.url("/"))
                    .users(2)
                    .requests(20)
                    .build()
                    .run();

            assertThat(result.statusCodes()).containsExactly(Map.entry(200, 20L));
            assertThat(result.errors()).isZero();
            assertThat(result.bytes()).isGreaterThan(20 * 5);
        }
    }
}
