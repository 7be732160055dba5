package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.load.report.HtmlReport;
import dev.keelson.load.report.JsonReport;
import dev.keelson.load.report.TextReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioIT {
    @TempDir
    Path dir;

    private Path scenario(String yaml) throws Exception {
        Files.writeString(dir.resolve("users.csv"), "user,password\nada,x1\nbob,x2\n\"c,d\",x3\n");
        return Files.writeString(dir.resolve("checkout.yaml"), yaml);
    }

    @Test
    void stepsUseValuesExtractedFromEarlierResponsesAndRowsFromTheCsvFeed() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            Path file = scenario("""
                    target: %s
                    feed: users.csv
                    steps:
                      - name: log in
                        method: POST
                        path: /login?user=${user}
                        headers:
                          Content-Type: application/json
                        body: '{"password":"${password}"}'
                        expect: 200
                        extract:
                          token: /auth/token
                      - name: list orders
                        path: /orders
                        headers:
                          Authorization: Bearer ${token}
                        expect: 200
                    """.formatted(server.url("")));

            LoadResult result = LoadTest.configure()
                    .scenario(Scenario.load(file))
                    .users(3)
                    .requests(60)
                    .build()
                    .run();

            assertThat(result.errors()).isZero();
            assertThat(result.statusCodes()).containsEntry(200, 60L);
            assertThat(server.logins.get()).isBetween(29, 31); // the request budget may end mid-iteration
            assertThat(server.loginUsers).containsExactlyInAnyOrder("ada", "bob", "c,d");
        }
    }

    @Test
    void eachStepHasItsOwnFiguresChecksAndThresholds() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            Path file = scenario("""
                    target: %s
                    steps:
                      - name: login
                        path: /slow?ms=15
                        check:
                          - json: /name
                            equals: keelson
                      - name: list
                        path: /json
                        check:
                          - json: /id
                          - contains: '"name"'
                      - name: create
                        path: /json
                        check:
                          - json: /name
                            equals: someone else
                    """.formatted(server.url("")));

            LoadResult result = LoadTest.configure()
                    .scenario(Scenario.load(file))
                    .users(2)
                    .requests(60)
                    .threshold("login.p50<5ms")
                    .threshold("list.errors<1%")
                    .threshold("Create.errors<0.1%")
                    .threshold("list.p99<1s")
                    .build()
                    .run();

            assertThat(result.steps()).extracting(StepResult::name).containsExactly("login", "list", "create");
            StepResult login = result.step("login").orElseThrow(),
                    list = result.step("list").orElseThrow(),
                    create = result.step("create").orElseThrow();
            assertThat(login.requests() + list.requests() + create.requests()).isEqualTo(60);
            assertThat(login.percentileMicros(50)).isGreaterThan(14_000);
            assertThat(list.percentileMicros(50)).isLessThan(login.percentileMicros(50));
            assertThat(login.errors()).isZero();
            assertThat(list.errors()).isZero();
            // create's check never holds: every create is that step's error, and the next iteration starts over
            assertThat(create.errorKinds()).containsOnlyKeys(ErrorKind.UNEXPECTED);
            assertThat(create.errors()).isEqualTo(create.requests()).isPositive();
            assertThat(result.thresholds())
                    .extracting(Threshold.Outcome::passed)
                    .containsExactly(false, true, false, true);
            assertThat(result.target()).endsWith(" scenario [login, list, create]");
            assertThat(TextReport.render(result))
                    .contains("  steps        step")
                    .contains("unexpected response: ");
            assertThat(JsonReport.render(result)).contains("\"name\" : \"create\"");
            assertThat(HtmlReport.render(result))
                    .contains("<table class=\"steps\">")
                    .contains("Step create: latency over time")
                    .contains("Response-time distribution");
        }
    }

    @Test
    void aScenarioFileCarriesItsStages() throws Exception {
        Path file = scenario("""
                target: http://127.0.0.1:8080
                stages:
                  - duration: 30s
                    rate: 200
                  - {duration: 1m, rate: 50}
                steps:
                  - path: /json
                """);

        Scenario scenario = Scenario.load(file);
        LoadConfig config = LoadTest.configure().scenario(scenario).build().config();

        assertThat(scenario.ramp().model()).isEqualTo(Model.OPEN);
        assertThat(config.duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.rate()).isEqualTo(200);
        Path mixed = scenario("""
                target: http://127.0.0.1:8080
                stages:
                  - {duration: 30s, rate: 200}
                  - {duration: 30s, users: 20}
                steps:
                  - path: /json
                """);
        assertThatThrownBy(() -> Scenario.load(mixed))
                .hasMessageEndingWith(
                        "stages: stages are either all users (30s:200)" + " or all rates (30s:200/s), not both");
    }

    @Test
    void aThresholdOnAStepTheScenarioLacksIsRefusedBeforeAnyLoad() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            Path file = scenario("""
                    target: %s
                    steps:
                      - name: login
                        path: /json
                    """.formatted(server.url("")));
            var builder = LoadTest.configure()
                    .scenario(Scenario.load(file))
                    .requests(5)
                    .threshold("logn.p99<1s");

            assertThatThrownBy(builder::build).isInstanceOfSatisfying(LoadException.class, e -> {
                assertThat(e.code()).isEqualTo(LoadErrorCode.BAD_THRESHOLD);
                assertThat(e.getMessage())
                        .isEqualTo("threshold 'logn.p99<1s' names step 'logn'; the steps are [login]");
            });
        }
    }

    @Test
    void aStepThatGetsAnUnexpectedStatusCountsAsAnError() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            Path file = scenario("""
                    target: %s
                    steps:
                      - path: /orders
                        expect: 200
                    """.formatted(server.url("")));

            LoadResult result = LoadTest.configure()
                    .scenario(Scenario.load(file))
                    .users(1)
                    .requests(10)
                    .build()
                    .run();

            assertThat(result.statusCodes()).containsEntry(401, 10L);
            assertThat(result.errorKinds()).containsEntry(ErrorKind.UNEXPECTED, 10L);
        }
    }

    @Test
    void thinkTimePausesAVirtualUserBetweenSteps() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            Path file = scenario("""
                    target: %s
                    steps:
                      - path: /json
                        think: 100ms
                    """.formatted(server.url("")));

            LoadResult result = LoadTest.configure()
                    .scenario(Scenario.load(file))
                    .users(1)
                    .duration(Duration.ofSeconds(1))
                    .build()
                    .run();

            // without the pause one user sends hundreds of requests a second; with it at most 10 (fewer on a busy
            // machine)
            assertThat(result.requests()).isBetween(3L, 11L);
        }
    }

    @Test
    void anUnknownFieldIsReportedWithItsLine() throws Exception {
        Path file = scenario("""
                target: http://127.0.0.1:1
                steps:
                  - path: /json
                    thinktime: 1s
                """);

        assertThatThrownBy(() -> Scenario.load(file)).isInstanceOfSatisfying(LoadException.class, e -> {
            assertThat(e.code()).isEqualTo(LoadErrorCode.BAD_SCENARIO);
            assertThat(e.getMessage())
                    .contains("checkout.yaml")
                    .contains("line 4")
                    .contains("thinktime");
        });
    }

    @Test
    void aPlaceholderNothingDefinesIsRejected() throws Exception {
        Path file = scenario("""
                target: http://127.0.0.1:1
                steps:
                  - path: /orders
                    headers:
                      Authorization: Bearer ${token}
                """);

        assertThatThrownBy(() -> Scenario.load(file))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("uses ${token}, which no CSV column and no earlier extract defines");
    }

    @Test
    void aTargetWithAPathIsRejected() throws Exception {
        Path file = scenario("""
                target: http://127.0.0.1:1/api
                steps:
                  - path: /orders
                """);

        assertThatThrownBy(() -> Scenario.load(file))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("is scheme, host and port only; put paths in the steps");
    }
}
