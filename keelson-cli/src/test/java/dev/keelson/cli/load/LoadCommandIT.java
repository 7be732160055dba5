package dev.keelson.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.DocumentedShapes;
import dev.keelson.cli.ExitCode;
import dev.keelson.cli.Keelson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class LoadCommandIT {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private boolean terminal;

    private int keelson(String... args) {
        var env = new CliEnvironment(new PrintWriter(out), new PrintWriter(err), Map.of(), dir, terminal);
        return Keelson.run(args, env);
    }

    @Test
    void aClosedModelRunPrintsTheSummaryAndExitsZero() throws Exception {
        try (Target target = new Target()) {
            int code = keelson("load", target.url("/api/users"), "--users", "5", "--requests", "200");

            assertThat(code).as(err.toString()).isZero();
            assertThat(target.requests.get()).isEqualTo(200);
            assertThat(out.toString())
                    .startsWith(target.url("/api/users") + "  closed model, 5 users, ")
                    .contains("  requests     200  (")
                    .contains("  percentiles  p50 ")
                    .contains("p99.99 ")
                    .contains("  status       200: 200")
                    .contains("  errors       0 (0.00%)");
        }
    }

    @Test
    void quietPrintsTheReportAndNoProgress() throws Exception {
        try (Target target = new Target()) {
            int code = keelson("load", target.url("/"), "-c", "2", "-d", "2s", "--quiet");

            assertThat(code).as(err.toString()).isZero();
            assertThat(err.toString()).isEmpty();
            assertThat(out.toString()).contains("  requests     ");
        }
        out.getBuffer().setLength(0);
        try (Target target = new Target()) {
            assertThat(keelson("load", target.url("/"), "-c", "2", "-d", "2s")).isZero();
            assertThat(err.toString()).contains("   1s ");
        }
    }

    @Test
    void postWithDataFromAFileHeadersAndBearerAuth() throws Exception {
        Files.writeString(dir.resolve("user.json"), "{\"name\":\"ada\"}");
        try (Target target = new Target()) {
            int code = keelson(
                    "load",
                    target.url("/api/users"),
                    "-n",
                    "3",
                    "-c",
                    "1",
                    "--data",
                    "@user.json",
                    "-H",
                    "Content-Type: application/json",
                    "--auth",
                    "bearer:s3cret");

            assertThat(code).as(err.toString()).isZero();
            assertThat(target.lastRequest)
                    .isEqualTo("POST /api/users auth=Bearer s3cret type=application/json body={\"name\":\"ada\"}");

            assertThat(keelson(
                            "load",
                            target.url("/api/users/1"),
                            "-n",
                            "1",
                            "-X",
                            "PUT",
                            "--data",
                            "x",
                            "--auth",
                            "basic:ada:pa:ss"))
                    .isZero();
            assertThat(target.lastRequest).isEqualTo("PUT /api/users/1 auth=Basic YWRhOnBhOnNz type=null body=x");
        }
    }

    @Test
    void aBinaryFileIsSentByteForByteWithTheTypeOfItsExtension() throws Exception {
        byte[] blob = new byte[4096 + 256];
        for (int i = 0; i < blob.length; i++) blob[i] = (byte) (i * 31 + (i >> 8));
        blob[0] = (byte) 0x89; // a PNG's first byte: not UTF-8
        blob[1] = 0;
        Files.write(dir.resolve("picture.png"), blob);
        Files.write(dir.resolve("blob"), blob);
        try (Target target = new Target()) {
            assertThat(keelson("load", target.url("/upload"), "-n", "3", "-c", "1", "--data", "@picture.png"))
                    .as(err.toString())
                    .isZero();
            assertThat(target.lastBody).isEqualTo(blob);
            assertThat(target.lastRequest).startsWith("POST /upload auth=null type=image/png body=");

            assertThat(keelson("load", target.url("/upload"), "-n", "1", "-X", "PUT", "--data", "@blob"))
                    .as(err.toString())
                    .isZero();
            assertThat(target.lastBody).isEqualTo(blob);
            assertThat(target.lastRequest).startsWith("PUT /upload auth=null type=application/octet-stream body=");
        }
    }

    @Test
    void dataFromAFileIsSentByteForByteWithAContentTypeFromItsExtension() throws Exception {
        String content = "\"ada\" @other.json\r\n{\"name\": \"Ad\u00e1\"}\n";
        Files.writeString(dir.resolve("user.json"), content);
        try (Target target = new Target()) {
            assertThat(keelson("load", target.url("/u"), "-n", "2", "-c", "1", "--data", "@user.json"))
                    .as(err.toString())
                    .isZero();
            assertThat(target.lastRequest).isEqualTo("POST /u auth=null type=application/json body=" + content);

            assertThat(keelson(
                            "load", target.url("/u"), "-n", "1", "--data", "@user.json", "-H", "content-type: text/x"))
                    .isZero();
            assertThat(target.lastRequest).startsWith("POST /u auth=null type=text/x body=\"ada\"");

            err.getBuffer().setLength(0);
            assertThat(keelson("load", target.url("/u"), "-n", "1", "--data", "user.json"))
                    .isZero();
            assertThat(target.lastRequest).isEqualTo("POST /u auth=null type=null body=user.json");
            assertThat(err.toString())
                    .startsWith("hint: --data sends the text 'user.json'; to send the file's contents"
                            + " write --data @user.json\n");
        }
    }

    @Test
    void aViolatedThresholdExitsThreeAndSaysWhich() throws Exception {
        try (Target target = new Target()) {
            int code =
                    keelson("load", target.url("/"), "-n", "50", "--threshold", "p99<1us", "--threshold", "errors<1%");

            assertThat(code).isEqualTo(3);
            assertThat(out.toString())
                    .contains("  threshold    p99<1us: ")
                    .contains("FAILED")
                    .contains("  threshold    errors<1%: 0.00%  ok");
            assertThat(err.toString()).contains("threshold violated: p99<1us: ");
        }
    }

    @Test
    void badInputGetsOneLineAndExitTwoBeforeAnyLoad() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try (Target target = new Target()) {
            assertUsage(
                    new String[] {"load", target.url("/"), "--threshold", "p99<<3"},
                    "error [BAD_THRESHOLD]: threshold 'p99<<3' does not parse: expected [STEP.]METRIC<VALUE or METRIC>VALUE, e.g. p99<250ms, errors<1%, rps>500, login.p99<200ms");
            assertUsage(
                    new String[] {"load", "http://exa mple.com/"},
                    "error [BAD_URL]: URL 'http://exa mple.com/' does not parse: Illegal character in authority");
            assertUsage(
                    new String[] {"load", "ftp://example.com/"},
                    "error [BAD_URL]: URL 'ftp://example.com/' must start with http:// or https://");
            assertFailed(
                    new String[] {"load", "http://no-such-host.invalid/"},
                    "error [UNKNOWN_HOST]: unknown host 'no-such-host.invalid' in http://no-such-host.invalid");
            assertUsage(
                    new String[] {"load", target.url("/"), "--duration", "ten"},
                    "error [BAD_CONFIG]: --duration 'ten' is not a duration: use e.g. 500ms, 30s, 2m or 1h");
            assertUsage(
                    new String[] {"load", target.url("/"), "--users", "0"},
                    "error [BAD_CONFIG]: users must be at least 1, got 0");
            assertUsage(
                    new String[] {"load", target.url("/"), "--rate", "0"},
                    "error [BAD_CONFIG]: --rate must be above 0 requests/s, got 0.0; leave it out for the closed model");
            assertUsage(
                    new String[] {"load", target.url("/"), "--stage", "30s"},
                    "error [BAD_CONFIG]: --stage '30s' must be DURATION:USERS or DURATION:RATE/s, e.g. 30s:200 or 1m:500/s");
            assertUsage(
                    new String[] {"load", target.url("/"), "--stage", "1s:5", "-d", "5s"},
                    "error [BAD_CONFIG]: stages set the duration; leave --duration out");
            assertUsage(
                    new String[] {"load", target.url("/"), "--auth", "token"},
                    "error [BAD_CONFIG]: --auth must be bearer:TOKEN or basic:USER:PASSWORD");
            assertUsage(
                    new String[] {"load", target.url("/"), "--streams", "4"},
                    "error [BAD_CONFIG]: --streams needs --http2: HTTP/1.1 sends one request at a time per connection"
                            + " (use --users)");
            assertUsage(
                    new String[] {"load", target.url("/"), "--http2", "--http1.1"},
                    "error [BAD_CONFIG]: give --http2 or --http1.1, not both");
            assertFailed(
                    new String[] {"load", target.url("/"), "--http2"},
                    "error [PROTOCOL_REFUSED]: 127.0.0.1:" + target.url("").replaceAll(".*:", "")
                            + " does not speak HTTP/2 over plain TCP (h2c with prior knowledge): it answered the"
                            + " HTTP/2 preface with ");
            assertUsage(
                    new String[] {"load", target.url("/"), "--metric", "process_cpu_usage"},
                    "error [BAD_CONFIG]: --metric needs --metrics URL, the target's Prometheus endpoint to read it from");
            assertUsage(
                    new String[] {"load", target.url("/"), "--metrics", "localhost:8080/prometheus"},
                    "error [BAD_CONFIG]: --metrics localhost:8080/prometheus: give an http:// or https:// URL, e.g."
                            + " http://localhost:8080/actuator/prometheus");
            assertUsage(
                    new String[] {"load", target.url("/"), "--metrics", target.url("/m"), "--metric", "cpu{core=0}"},
                    "error [BAD_CONFIG]: --metric cpu{core=0}: the labels do not parse; write them as"
                            + " {name=\"value\",...}");
            assertThat(target.requests.get()).isZero();
        }
        assertFailed(
                new String[] {"load", "http://127.0.0.1:" + port + "/"},
                "error [CONNECTION_REFUSED]: cannot connect to 127.0.0.1:" + port
                        + " (Connection refused): is the server running?");
    }

    @Test
    void theTargetsMetricsArePrintedBesideTheLoad() throws Exception {
        long started = System.nanoTime();
        HttpServer metrics = prometheus(() -> "# TYPE test_requests_total counter\ntest_requests_total "
                + (System.nanoTime() - started) / 10_000_000 // 100 a second
                + "\n# TYPE process_cpu_usage gauge\nprocess_cpu_usage 0.25\n");
        String endpoint = "http://127.0.0.1:" + metrics.getAddress().getPort() + "/prometheus";
        try (Target target = new Target()) {
            int code = keelson(
                    "load",
                    target.url("/"),
                    "-c",
                    "2",
                    "-d",
                    "2s",
                    "--quiet",
                    "--metrics",
                    endpoint,
                    "--metric",
                    "test_requests_total",
                    "--metric",
                    "absent_total");

            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString())
                    .containsPattern(
                            "\n  errors .*\n  server       test_requests_total: mean [0-9.]+/s  max [0-9.]+/s\n")
                    .contains("  server       process CPU: mean 25.0%  max 25.0%")
                    .contains("  server       warning: --metric absent_total: the endpoint has no such metric");
        } finally {
            metrics.stop(0);
        }
    }

    @Test
    void aBadScenarioFileIsReportedWithItsLine() throws Exception {
        Files.writeString(
                dir.resolve("checkout.yaml"), "target: http://127.0.0.1:1\nsteps:\n  - path: /x\n    expct: 200\n");

        assertUsage(
                new String[] {"load", "--scenario", "checkout.yaml"},
                "error [BAD_SCENARIO]: scenario " + dir.resolve("checkout.yaml")
                        + ": line 4: unknown field 'expct'; known fields: ");
    }

    private void assertUsage(String[] args, String firstLine) {
        assertExit(args, ExitCode.USAGE, firstLine);
    }

    /** A server that cannot be reached is an operation that failed (1), as for keelson db, not a usage error. */
    private void assertFailed(String[] args, String firstLine) {
        assertExit(args, ExitCode.FAILED, firstLine);
    }

    private void assertExit(String[] args, int exitCode, String firstLine) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        int code = keelson(args);
        assertThat(code).as(err.toString()).isEqualTo(exitCode);
        assertThat(err.toString().lines().toList())
                .hasSize(1)
                .first()
                .asString()
                .startsWith(firstLine);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void capacitySearchesRatesAndGatesOnTheCapacityFound() throws Exception {
        try (Target target = new Target()) {
            String[] search = {
                "load",
                "capacity",
                target.url("/"),
                "--slo",
                "p99<500ms",
                "--slo",
                "errors<1%",
                "--start",
                "20",
                "--max",
                "40",
                "--hold",
                "1s",
                "--step-warmup",
                "0s",
                "-c",
                "4",
                "--threshold",
                "capacity>1000",
                "-o",
                "json",
                "--save",
                "capacity.json"
            };
            assertThat(keelson(search)).as(err.toString()).isEqualTo(3);
            assertThat(err.toString())
                    .contains("20.0/s: met every SLO")
                    .contains("40.0/s: met every SLO")
                    .contains("threshold violated: capacity>1000: 40.0 requests/s");
            assertThat(out.toString())
                    .contains("  capacity     40.0 requests/s met every SLO (at least: no rate tried broke an SLO;"
                            + " raise --max)")
                    .contains("saved json report to capacity.json");
            assertThat(Files.readString(dir.resolve("capacity.json")))
                    .contains("\"capacity\" : 40.0")
                    .contains("\"offered\" : 20.0");

            assertUsage(
                    new String[] {"load", "capacity", target.url("/"), "--slo", "p99<1s", "--threshold", "p99<1s"},
                    "error [BAD_THRESHOLD]: threshold 'p99<1s' does not parse: a capacity search takes capacity>N");
            assertUsage(
                    new String[] {"load", "capacity", target.url("/"), "--slo", "p99<fast"},
                    "error [BAD_THRESHOLD]: threshold 'p99<fast' does not parse");
        }
    }

    @Test
    void eachCapacityStepCarriesTheTargetsMetrics() throws Exception {
        HttpServer metrics = prometheus(() -> "# TYPE process_cpu_usage gauge\nprocess_cpu_usage 0.25\n"
                + "# TYPE hikaricp_connections_pending gauge\nhikaricp_connections_pending 3\n");
        String endpoint = "http://127.0.0.1:" + metrics.getAddress().getPort() + "/prometheus";
        try (Target target = new Target()) {
            String[] search = {
                "load",
                "capacity",
                target.url("/"),
                "--slo",
                "p99<500ms",
                "--start",
                "20",
                "--max",
                "40",
                "--hold",
                "2s",
                "--step-warmup",
                "0s",
                "-c",
                "4",
                "--metrics",
                endpoint,
                "--metric",
                "absent_total",
                "-o",
                "html",
                "--save",
                "capacity.html"
            };
            assertThat(keelson(search)).as(err.toString()).isZero();
            assertThat(out.toString())
                    .contains("  server metrics from " + endpoint + ", mean over each step's hold:\n"
                            + "  step     offered/s  process CPU  pool pending\n"
                            + "  1             20.0        25.0%          3.00\n"
                            + "  2             40.0        25.0%          3.00\n"
                            + "  warning: --metric absent_total: the endpoint has no such metric");
            assertThat(Files.readString(dir.resolve("capacity.html")))
                    .contains("Server: process CPU (process_cpu_usage, gauge) against offered rate");

            String[] json = {
                "load",
                "capacity",
                target.url("/"),
                "--slo",
                "p99<500ms",
                "--start",
                "20",
                "--max",
                "20",
                "--hold",
                "2s",
                "--step-warmup",
                "0s",
                "-c",
                "4",
                "--metrics",
                endpoint,
                "-o",
                "json",
                "--save",
                "capacity.json"
            };
            assertThat(keelson(json)).as(err.toString()).isZero();
            assertThat(Files.readString(dir.resolve("capacity.json")))
                    .containsPattern("\"server\" : \\[ \\{\\s*\"label\" : \"process CPU\",\\s*"
                            + "\"metric\" : \"process_cpu_usage\",\\s*\"kind\" : \"gauge\",\\s*"
                            + "\"unit\" : \"ratio\",\\s*\"mean\" : 0.25,\\s*\"max\" : 0.25")
                    .contains("\"endpoint\" : \"" + endpoint + "\""); // the step's run, with every point
        } finally {
            metrics.stop(0);
        }
    }

    @Test
    void jsonResultsCompareAndMerge() throws Exception {
        try (Target target = new Target()) {
            assertThat(keelson(
                            "load", target.url("/"), "-n", "300", "-c", "3", "--output", "json", "--save", "fast.json"))
                    .isZero();
            assertThat(keelson(
                            "load", target.url("/?ms=20"), "-n", "30", "-c", "3", "-o", "json", "--save", "slow.json"))
                    .isZero();
        }
        assertThat(Files.readString(dir.resolve("fast.json"))).contains("\"histogram\" : \"");
        out.getBuffer().setLength(0);

        assertThat(keelson("load", "compare", "fast.json", "fast.json", "--fail-above", "10%"))
                .isZero();
        assertThat(out.toString())
                .startsWith("metric       baseline          new    change")
                .contains("+0.0%");
        out.getBuffer().setLength(0);

        assertThat(keelson("load", "compare", "fast.json", "slow.json", "--fail-above", "10%"))
                .isEqualTo(3);
        assertThat(out.toString()).contains("REGRESSION");
        assertThat(err.toString()).contains("regressed by more than 10%: ").contains("p50");
        out.getBuffer().setLength(0);

        assertThat(keelson("load", "compare", "fast.json", "slow.json", "--fail-above", "10%", "--format", "json"))
                .isEqualTo(3);
        JsonNode comparison = DocumentedShapes.assertShape("load compare", out.toString());
        assertThat(comparison.get("failed").asBoolean()).isTrue();
        assertThat(comparison.get("regressions").toString()).contains("p50");
        assertThat(comparison.get("changes").get(0).propertyNames())
                .containsExactly("metric", "baseline", "current", "higherIsBetter", "regressed", "relativeChange");
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);

        assertThat(keelson("load", "compare", "fast.json", "missing.json")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString())
                .isEqualTo("error [BAD_RESULT]: " + dir.resolve("missing.json")
                        + " does not exist: give a JSON result saved with --output json --save FILE\n");
        out.getBuffer().setLength(0);

        assertThat(keelson("load", "merge", "fast.json", "slow.json", "-o", "json", "--save", "merged.json"))
                .isZero();
        assertThat(out.toString()).contains("  requests     330  (").contains("saved json report to merged.json");

        try (Target target = new Target()) {
            assertThat(keelson(
                            "load", target.url("/"), "--rate", "50", "-d", "1s", "-o", "json", "--save", "open.json"))
                    .isZero();
        }
        err.getBuffer().setLength(0);
        assertThat(keelson("load", "merge", "fast.json", "open.json")).isEqualTo(2);
        assertThat(err.toString())
                .startsWith("error [BAD_RESULT]: cannot merge fast.json and open.json: one is a"
                        + " closed-model run, the other an open-model run");
        err.getBuffer().setLength(0);
        assertThat(keelson("load", "compare", "fast.json", "open.json")).isEqualTo(2);
        assertThat(err.toString()).startsWith("error [BAD_RESULT]: cannot compare fast.json and open.json: one is a");
    }

    @Test
    void anHtmlReportIsSavedAsOneSelfContainedFile() throws Exception {
        try (Target target = new Target()) {
            int code = keelson(
                    "load",
                    target.url("/"),
                    "--rate",
                    "100",
                    "-c",
                    "5",
                    "-d",
                    "1s",
                    "--output",
                    "html",
                    "--save",
                    "report.html");

            assertThat(code).as(err.toString()).isZero();
        }
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<svg")
                .contains("Requests per second")
                .doesNotContain("<script src")
                .doesNotContain("href=\"http");
        assertThat(out.toString())
                .contains("open model, 100 req/s over 5 connections")
                .endsWith("saved html report to report.html\n");
    }

    @Test
    void progressIsOneLinePerSecondWhenNotATerminal() throws Exception {
        try (Target target = new Target()) {
            assertThat(keelson("load", target.url("/"), "-c", "2", "-d", "2s")).isZero();
        }
        assertThat(err.toString().lines().toList())
                .hasSizeBetween(2, 3)
                .allSatisfy(line -> assertThat(line).matches(" +\\d+s +\\d+ requests +[\\d.]+/s  p99 .* errors 0"));
    }

    @Test
    void progressRedrawsABlockOfLinesOnATerminal() throws Exception {
        terminal = true;
        try (Target target = new Target()) {
            assertThat(keelson("load", target.url("/"), "-c", "2", "-d", "2s")).isZero();
        }
        // a block of two lines (no steps), drawn, then redrawn in place: up two lines, each line cleared
        assertThat(err.toString())
                .startsWith("\033[2K  1s of 2s, 1s left ")
                .contains("\033[2F\033[2K  2s of 2s, 0s left ")
                .contains("\033[2K  last second   p50 ")
                .endsWith("\n");
    }

    @Test
    void stagesRampTheRateAndTheSummaryShowsEach() throws Exception {
        try (Target target = new Target()) {
            assertThat(keelson("load", target.url("/"), "--stage", "1s:100/s", "--stage", "1s:100/s", "-c", "4"))
                    .isZero();
        }
        assertThat(out.toString())
                .contains("open model, rate in 2 stages over 4 connections")
                .contains("  stage 1      1s to 100/s")
                .contains("  stage 2      1s to 100/s");
    }

    @Test
    void answersStillAwaitedASecondAfterTheEndAreAnnounced() throws Exception {
        try (Target target = new Target()) {
            assertThat(keelson("load", target.url("/?ms=3000"), "-c", "2", "-d", "1s", "--timeout", "2500ms"))
                    .isEqualTo(0);
        }
        assertThat(err.toString()).containsPattern("waiting up to [12]s for 2 answer\\(s\\) still in flight");
        assertThat(out.toString()).contains("timeout: 2");
    }

    @Test
    void helpListsTheOptionsSubcommandsAndExitCodes() {
        for (String[] args :
                new String[][] {{"load", "--help"}, {"load", "compare", "--help"}, {"load", "merge", "--help"}}) {
            out.getBuffer().setLength(0);
            assertThat(keelson(args)).isZero();
            assertThat(out.toString()).startsWith("Usage: keelson load").doesNotContain("WARN");
        }
        out.getBuffer().setLength(0);
        keelson("load", "--help");
        assertThat(out.toString())
                .contains("errors<1%, rps>500")
                .contains("3     a --threshold was violated")
                .contains("compare")
                .contains("merge");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aScenarioRunsItsStepsAndSavesJson() throws Exception {
        try (Target target = new Target()) {
            Files.writeString(dir.resolve("checkout.yaml"), """
                    target: %s
                    steps:
                      - name: log in
                        method: POST
                        path: /login
                        body: '{}'
                        extract:
                          ok: /ok
                      - path: /orders?ok=${ok}
                    """.formatted(target.url("")));

            int code = keelson(
                    "load",
                    "--scenario",
                    "checkout.yaml",
                    "-n",
                    "10",
                    "-c",
                    "1",
                    "--output",
                    "json",
                    "--save",
                    "run.json");

            assertThat(code).as(err.toString()).isZero();
            assertThat(target.lastRequest).startsWith("GET /orders?ok=true ");
        }
        assertThat(Files.readString(dir.resolve("run.json"))).contains("\"requests\" : 10,");
        assertThat(out.toString()).endsWith("saved json report to run.json\n");
    }

    @Test
    void timeoutWarmupAndRampUpReachTheEngine() throws Exception {
        try (Target target = new Target()) {
            assertThat(keelson("load", target.url("/?ms=3000"), "-n", "2", "-c", "2", "--timeout", "100ms"))
                    .isZero();
            assertThat(out.toString()).contains("  errors       2 (100.00%)  timeout: 2");

            err.getBuffer().setLength(0);
            assertThat(keelson("load", target.url("/"), "-c", "2", "--warmup", "1s", "-d", "1s", "--ramp-up", "500ms"))
                    .isZero();
            assertThat(err.toString()).startsWith("warmup    1s ").contains("\n   2s ");
        }
    }

    /** A started server answering {@code /prometheus} with the text {@code body} gives at each scrape. */
    private static HttpServer prometheus(Supplier<String> body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/prometheus", exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }
}
