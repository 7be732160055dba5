package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** HTTP/2 against a real Netty HTTP/2 server: h2c with prior knowledge, and h2 over TLS agreed by ALPN. */
@Timeout(60)
class Http2IT {
    private static TestAuthority authority;

    @BeforeAll
    static void certificates(@TempDir Path dir) throws Exception {
        authority = TestAuthority.create(dir);
    }

    private static LoadTest.Builder h2(String url) {
        return LoadTest.configure().url(url).protocol(Protocol.HTTP_2);
    }

    @Test
    void streamsAreMultiplexedOverFewConnections() throws Exception {
        try (H2Target server = H2Target.plain()) {
            LoadResult result = h2(server.url("/slow?ms=20"))
                    .users(2)
                    .streams(8)
                    .requests(400)
                    .build()
                    .run();

            assertThat(result.requests()).isEqualTo(400);
            assertThat(result.errors()).isZero();
            assertThat(result.statusCodes()).containsEntry(200, 400L);
            assertThat(server.connections.get()).isEqualTo(2);
            assertThat(server.maxOpenStreams.get())
                    .as("streams open at once on one connection")
                    .isEqualTo(8);
            assertThat(result.protocols()).containsExactly(Map.entry("h2c", 2L));
            // 16 streams of 20 ms each: about 800 requests/s, where 2 HTTP/1.1 connections would make 100
            assertThat(result.requestsPerSecond()).isGreaterThan(300);
            assertThat(server.lastRequest.get()).startsWith("GET /slow?ms=20 authority=127.0.0.1:" + server.port());
        }
    }

    @Test
    void flowControlCreditIsReturnedSoBodiesLargerThanTheWindowArrive() throws Exception {
        try (H2Target server = H2Target.plain()) {
            LoadResult result = h2(server.url("/big"))
                    .users(1)
                    .streams(2)
                    .requests(12)
                    .build()
                    .run();

            assertThat(result.errors()).as(result.errorKinds().toString()).isZero();
            assertThat(result.requests()).isEqualTo(12);
            assertThat(result.bytes()).isGreaterThan(12L * H2Target.BIG.length);
        }
    }

    @Test
    void streamResetsAndGoAwaysAreCountedByKind() throws Exception {
        try (H2Target server = H2Target.plain()) {
            LoadResult reset = h2(server.url("/reset"))
                    .users(1)
                    .streams(2)
                    .requests(10)
                    .build()
                    .run();

            assertThat(reset.errorKinds()).containsExactly(Map.entry(ErrorKind.STREAM_RESET, 10L));
            assertThat(reset.requests()).isZero();
            assertThat(server.connections.get())
                    .as("a reset stream keeps its connection")
                    .isEqualTo(1);
        }
        try (H2Target server = H2Target.plain()) {
            LoadResult goAway =
                    h2(server.url("/goaway")).users(1).requests(5).build().run();

            assertThat(goAway.errorKinds()).containsExactly(Map.entry(ErrorKind.GOAWAY, 5L));
            assertThat(server.connections.get())
                    .as("each GOAWAY closes its connection")
                    .isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void h2OverTlsIsAgreedByAlpnWithTheHostVerifiedAndSaysSo() throws Exception {
        try (H2Target server = H2Target.tls(authority.keys(), "h2")) {
            LoadResult result = h2(server.secureUrl("/json"))
                    .trustedCertificates(authority.caPem())
                    .users(2)
                    .streams(4)
                    .requests(200)
                    .build()
                    .run();

            assertThat(result.errors()).as(result.errorKinds().toString()).isZero();
            assertThat(result.requests()).isEqualTo(200);
            assertThat(result.protocols()).containsExactly(Map.entry("h2", 2L));
            assertThat(result.describeProtocols()).isEqualTo("h2 (2 connections)");
            assertThat(server.lastRequest.get())
                    .isEqualTo("GET /json authority=localhost:" + server.port() + " type=null protocol=h2");
        }
    }

    @Test
    void aServerWithoutHttp2IsNamedBeforeAnyLoad() throws Exception {
        try (H2Target server = H2Target.tls(authority.keys(), "http/1.1")) {
            assertThatThrownBy(() -> h2(server.secureUrl("/json"))
                            .trustedCertificates(authority.caPem())
                            .requests(1)
                            .build()
                            .run())
                    .isInstanceOfSatisfying(
                            LoadException.class, e -> assertThat(e.code()).isEqualTo(LoadErrorCode.PROTOCOL_REFUSED))
                    .hasMessage("localhost:" + server.port() + " did not agree to HTTP/2: ALPN offered h2, it chose"
                            + " none; enable HTTP/2 on the server, or leave out --http2");
            assertThat(server.requests.get()).isZero();
        }
        try (TargetServer http1 = TargetServer.http()) {
            assertThatThrownBy(() -> h2(http1.url("/json")).requests(1).build().run())
                    .isInstanceOfSatisfying(
                            LoadException.class, e -> assertThat(e.code()).isEqualTo(LoadErrorCode.PROTOCOL_REFUSED))
                    .hasMessageContaining("does not speak HTTP/2 over plain TCP (h2c with prior knowledge): it"
                            + " answered the HTTP/2 preface with 'HTTP/1.1 ");
        }
    }

    @Test
    void moreThanOneStreamNeedsHttp2() {
        assertThatThrownBy(() -> LoadTest.configure()
                        .url("http://127.0.0.1:1/")
                        .streams(4)
                        .build())
                .isInstanceOf(LoadException.class)
                .hasMessage("streams above 1 need HTTP/2: HTTP/1.1 sends one request at a time per connection");
    }

    @Test
    void theOpenModelKeepsItsScheduleOverStreams() throws Exception {
        try (H2Target server = H2Target.plain()) {
            // one HTTP/1.1 connection could carry 20 requests/s of 50 ms; 16 streams carry 320
            LoadResult result = h2(server.url("/slow?ms=50"))
                    .rate(100)
                    .users(1)
                    .streams(16)
                    .warmup(Duration.ofSeconds(2)) // the first connection's set-up is not in the measured part
                    .duration(Duration.ofSeconds(2))
                    .build()
                    .run();

            assertThat(result.errorRatio())
                    .as(result.errorKinds() + " " + result.timeline() + " " + result.lateness() + " open at once: "
                            + server.maxOpenStreams.get())
                    .isLessThan(0.01); // a slot or two late on a busy machine
            assertThat(result.requests()).isBetween(170L, 240L);

            assertThat(server.connections.get()).isEqualTo(1);
            assertThat(server.maxOpenStreams.get()).isGreaterThan(1);
        }
    }

    @Test
    void aScenarioRunsItsStepsOverStreamsWithBodiesAndExtractedValues(@TempDir Path dir) throws Exception {
        try (H2Target server = H2Target.plain()) {
            Path file = Files.writeString(dir.resolve("s.yaml"), """
                    target: %s
                    steps:
                      - name: login
                        path: /json
                        extract: { token: /token }
                      - name: upload
                        method: POST
                        path: /echo?t=${token}
                        headers: { Content-Type: application/json, Connection: keep-alive }
                        body: '{"token":"${token}"}'
                        check:
                          - contains: t-1
                    """.formatted(server.url("")));
            LoadResult result = LoadTest.configure()
                    .scenario(Scenario.load(file))
                    .protocol(Protocol.HTTP_2)
                    .users(2)
                    .streams(3)
                    .requests(60)
                    .build()
                    .run();

            assertThat(result.errors()).as(result.errorKinds().toString()).isZero();
            assertThat(result.requests()).isEqualTo(60);
            // six virtual users alternate the two steps; the budget ends some of them after a login
            assertThat(result.step("login").orElseThrow().requests()).isBetween(30L, 33L);
            assertThat(result.step("upload").orElseThrow().requests()).isBetween(27L, 30L);
            assertThat(server.lastRequestTo.get("/echo"))
                    .isEqualTo("POST /echo?t=t-1 authority=127.0.0.1:" + server.port()
                            + " type=application/json protocol=h2c");
            assertThat(new String(server.lastBody.get())).isEqualTo("{\"token\":\"t-1\"}");
        }
    }

    @Test
    void aStallingServerShowsInTheOpenModelP99ButOnlyInTheClosedModelMax() throws Exception {
        LoadResult open;
        try (H2Target server = H2Target.plain()) {
            open = h2(server.url("/stall"))
                    .rate(200)
                    .users(5)
                    .streams(10)
                    .duration(Duration.ofMillis(3_900))
                    .build()
                    .run();
        }
        LoadResult closed;
        try (H2Target server = H2Target.plain()) {
            closed = h2(server.url("/stall"))
                    .users(2)
                    .streams(5)
                    .duration(Duration.ofMillis(3_900))
                    .build()
                    .run();
        }

        assertThat(open.percentileMicros(99)).as("open-model p99").isGreaterThan(500_000);
        assertThat(open.lateness().maxMicros()).isGreaterThan(300_000);
        assertThat(closed.latency().getMaxValue()).as("closed-model max").isGreaterThan(500_000);
        assertThat(closed.percentileMicros(99)).as("closed-model p99").isLessThan(100_000);
    }
}
