package dev.keelson.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.keelson.cli.ExitCode;
import dev.keelson.cli.InProcessKeelson;
import dev.keelson.load.Scenario;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keelson load init} in-process: the reference service's OpenAPI document (its /v3/api-docs saved from a
 * running instance, a keelson-load test resource) served over HTTP and read from a file, a HAR recording, and the
 * ways a source can be wrong.
 */
class InitCommandIT {
    private static final Path API_DOCS =
            Path.of("../keelson-load/src/test/resources/dev/keelson/load/reference-service-api-docs.json");
    private static final Path HAR = Path.of("../keelson-load/src/test/resources/dev/keelson/load/har/shop.har");

    @TempDir
    Path dir;

    private InProcessKeelson.Run keelson(String... args) {
        return new InProcessKeelson(dir).run(args);
    }

    @Test
    void anOpenApiUrlGivesAScenarioAndItsFeed() throws Exception {
        byte[] document = Files.readAllBytes(API_DOCS);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v3/api-docs", exchange -> {
            exchange.sendResponseHeaders(200, document.length);
            exchange.getResponseBody().write(document);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v3/api-docs";
        try {
            InProcessKeelson.Run run = keelson("load", "init", "--openapi", url);

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out())
                    .startsWith("wrote " + dir.resolve("scenario.yaml") + ": 19 steps against http://127.0.0.1:18923,"
                            + " feed " + dir.resolve("scenario.csv") + " [token, id]\n")
                    .contains("note: operations need credentials: put a real value in the feed's 'token' column")
                    .endsWith("run it: keelson load --scenario " + dir.resolve("scenario.yaml") + "\n");
            assertThat(Files.readString(dir.resolve("scenario.yaml")))
                    .startsWith("# drafted by keelson load init from " + url + "\n")
                    .contains("feed: scenario.csv\n")
                    .contains("path: \"/api/v1/orders/${id}/cancel\"");
            assertThat(Scenario.load(dir.resolve("scenario.yaml")).steps()).hasSize(19);

            InProcessKeelson.Run again = keelson("load", "init", "--openapi", url);
            assertThat(again.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(again.err())
                    .isEqualTo("error [BAD_CONFIG]: " + dir.resolve("scenario.yaml")
                            + " exists: give --force to overwrite it, or another --save\n");
            assertThat(keelson("load", "init", "--openapi", url, "--force").exitCode())
                    .isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anOpenApiFileWithATargetAndASaveName() throws Exception {
        Files.copy(API_DOCS, dir.resolve("api-docs.json"));
        Files.createDirectories(dir.resolve("load"));

        InProcessKeelson.Run run = keelson(
                "load",
                "init",
                "--openapi",
                "api-docs.json",
                "--target",
                "http://localhost:8080",
                "--save",
                "load/orders.yaml");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Scenario.load(dir.resolve("load/orders.yaml")).target().toString())
                .isEqualTo("http://localhost:8080");
        assertThat(dir.resolve("load/orders.csv")).exists();
    }

    @Test
    void aHarRecordingGivesOneScenarioPerHost() throws Exception {
        Files.copy(HAR, dir.resolve("shop.har"));

        InProcessKeelson.Run run = keelson("load", "init", "--har", "shop.har");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("wrote " + dir.resolve("scenario-shop.example.com.yaml")
                        + ": 4 steps against https://shop.example.com\n"
                        + "wrote " + dir.resolve("scenario-cdn.example.net.yaml")
                        + ": 1 steps against https://cdn.example.net\n")
                .contains("note: left out the headers [Authorization, Cookie, X-CSRF-Token]");
        assertThat(Files.readString(dir.resolve("scenario-shop.example.com.yaml")))
                .doesNotContain("session=abc123")
                .doesNotContain("eyJhbGciOi");
    }

    @Test
    void aBadSourceIsOneLineAndExitTwo() throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{\"openapi\": \"3.0.0\",");
        Files.writeString(dir.resolve("page.har"), "<html>not a HAR</html>");

        assertUsage(
                "error [BAD_SOURCE]: --openapi " + dir.resolve("missing.json") + ": no such file",
                "load",
                "init",
                "--openapi",
                "missing.json");
        assertUsage(
                "error [BAD_SOURCE]: broken.json is not valid JSON (line 1): ",
                "load",
                "init",
                "--openapi",
                "broken.json");
        assertUsage("error [BAD_SOURCE]: page.har is not valid JSON (line 1): ", "load", "init", "--har", "page.har");
        assertUsage(
                "Error: --openapi=URL|FILE, --har=FILE are mutually exclusive (specify only one)",
                "load",
                "init",
                "--openapi",
                "a.json",
                "--har",
                "b.har");
        assertUsage("Error: Missing required argument", "load", "init");
        assertUsage(
                "error [BAD_CONFIG]: --target goes with --openapi; a HAR recording names its hosts",
                "load",
                "init",
                "--har",
                "page.har",
                "--target",
                "http://x");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        InProcessKeelson.Run refused =
                keelson("load", "init", "--openapi", "http://127.0.0.1:" + port + "/v3/api-docs");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(refused.err())
                .startsWith("error [RUN_FAILED]: cannot fetch http://127.0.0.1:" + port + "/v3/api-docs: ")
                .endsWith("is the service running?\n");
    }

    private void assertUsage(String firstLine, String... args) {
        InProcessKeelson.Run run = keelson(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).startsWith(firstLine);
        assertThat(run.out()).isEmpty();
    }
}
