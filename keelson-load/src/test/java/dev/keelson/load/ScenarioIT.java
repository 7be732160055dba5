package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

            LoadResult result = LoadTest.configure().scenario(Scenario.load(file)).users(3).requests(60).build().run();

            assertThat(result.errors()).isZero();
            assertThat(result.statusCodes()).containsEntry(200, 60L);
            assertThat(server.logins.get()).isBetween(29, 31); // the request budget may end mid-iteration
            assertThat(server.loginUsers).containsExactlyInAnyOrder("ada", "bob", "c,d");
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

            LoadResult result = LoadTest.configure().scenario(Scenario.load(file)).users(1).requests(10).build().run();

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

            LoadResult result = LoadTest.configure().scenario(Scenario.load(file)).users(1)
                    .duration(Duration.ofSeconds(1)).build().run();

            // without the pause one user sends hundreds of requests a second; with it at most 10 (fewer on a busy machine)
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
            assertThat(e.code()).isEqualTo(ErrorCode.BAD_SCENARIO);
            assertThat(e.getMessage()).contains("checkout.yaml").contains("line 4").contains("thinktime");
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

        assertThatThrownBy(() -> Scenario.load(file)).isInstanceOf(LoadException.class)
                .hasMessageContaining("uses ${token}, which no CSV column and no earlier extract defines");
    }

    @Test
    void aTargetWithAPathIsRejected() throws Exception {
        Path file = scenario("""
                target: http://127.0.0.1:1/api
                steps:
                  - path: /orders
                """);

        assertThatThrownBy(() -> Scenario.load(file)).isInstanceOf(LoadException.class)
                .hasMessageContaining("is scheme, host and port only; put paths in the steps");
    }
}
