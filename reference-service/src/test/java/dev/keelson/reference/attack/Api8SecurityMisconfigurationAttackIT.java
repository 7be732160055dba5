package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.reference.ReferenceApplication;
import dev.keelson.reference.platform.settings.InvalidSettingException;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.RawHttp;
import dev.keelson.reference.testing.RawHttp.Reply;
import dev.keelson.reference.testing.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OWASP API8:2023, security misconfiguration: every error, from whichever layer (Tomcat's connector, the servlet
 * container, Spring Security, Spring MVC), is an RFC 9457 problem document that names no server, version or stack
 * trace; the security headers and the CORS allowlist hold; {@code TRACE} is refused; signed-in answers are not stored
 * by caches; a production start ({@code ProductionProfile}) without its keys and database is refused.
 */
@ExtendWith(OutputCaptureExtension.class)
class Api8SecurityMisconfigurationAttackIT extends ServiceTest {
    @LocalServerPort
    private int port;

    private RawHttp raw;

    @BeforeEach
    void raw() {
        raw = new RawHttp(port);
    }

    @Test
    void everyErrorIsAProblemDocumentThatNamesNoServer() {
        List<String> requests = List.of(
                "GET /api/v1/orders HTTP/9.9\r\nHost: x\r\n\r\n", // 505
                "GET /api/v1/or ders HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", // 400, request line
                "GET /api/v1/orders\u0001 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/v1/orders HTTP/1.1\r\nHost: x\r\nBad Header: y\r\nConnection: close\r\n\r\n",
                "GET /api/v1/orders HTTP/1.1\r\nHost: x\r\nX: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n",
                "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "POST /api/v1/orders HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\nConnection: close\r\n\r\n", // 501
                "POST /api/v1/orders HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\nConnection: close\r\n\r\n",
                "FOO /api/v1/orders HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "TRACE /api/v1/orders HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/v1/orders/..%2F..%2Fetc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/v1/%2e%2e/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/v1/test/fail HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", // 500 (or 401)
                "GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /api/v1/orders HTTP/1.1\r\nHost: x\r\nHost: y\r\nConnection: close\r\n\r\n",
                "GET /api/v1/orders HTTP/1.1\r\nConnection: close\r\n\r\n"); // no Host
        List<String> leaks = new ArrayList<>();
        for (String request : requests) {
            Reply reply = raw.sendRaw(request.getBytes(StandardCharsets.ISO_8859_1));
            String line = request.substring(0, Math.min(60, request.indexOf('\r')));
            if (reply.status() < 400) {
                leaks.add(line + " -> accepted: " + reply.status());
            } else if (!reply.isProblem()) {
                leaks.add(line + " -> " + reply.status() + " not a problem document: " + reply);
            } else if (namesTheServer(reply)) {
                leaks.add(line + " -> names the server: " + reply);
            }
        }
        assertThat(leaks).isEmpty();
    }

    private static boolean namesTheServer(Reply reply) {
        String all = (reply.head() + reply.body()).toLowerCase();
        return reply.header("Server") != null
                || all.contains("tomcat")
                || all.contains("apache")
                || all.contains("exception")
                || all.contains("<html")
                || all.contains("\tat ");
    }

    @Test
    void theBearerChallengeEchoesNeitherTheLibraryNorTheHost() {
        for (String token : List.of("abc.def.ghi", "not-a-jwt", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")) {
            Reply reply = raw.send(
                    "GET",
                    "/api/v1/orders",
                    "",
                    "Host: evil.example.net",
                    "X-Forwarded-Host: evil2.example.net",
                    "Authorization: Bearer " + token);

            assertThat(String.valueOf(reply.header("WWW-Authenticate")))
                    .doesNotContain("evil")
                    .doesNotContainIgnoringCase("jwt")
                    .doesNotContainIgnoringCase("decode")
                    .doesNotContainIgnoringCase("malformed");
            assertThat(reply.body()).doesNotContain("evil");
        }
    }

    @Test
    void signedInAnswersAreNotStoredByCaches() {
        Session user = api.newUser();
        String id = api.post("/api/v1/orders")
                .token(user.accessToken())
                .json(Map.of(
                        "currency", "EUR", "lines", List.of(Map.of("product", "p", "quantity", 1, "unitPrice", 1))))
                .send()
                .json()
                .get("data")
                .get("id")
                .asString();

        for (String path : List.of("/api/v1/orders", "/api/v1/orders/" + id, "/api/v1/orders?limit=1")) {
            assertThat(api.get(path).token(user.accessToken()).send().header("Cache-Control"))
                    .as(path)
                    .contains("no-store");
        }
    }

    @Test
    void corsAdmitsExactlyTheAllowedOrigins() {
        for (String origin : List.of(
                "https://evil.example.net",
                "null",
                "https://app.example.com.evil.example.net",
                "http://app.example.com",
                "https://app.example.com:8443",
                "https://APP.example.com.")) {
            Reply preflight = raw.send(
                    "OPTIONS", "/api/v1/orders", "", "Origin: " + origin, "Access-Control-Request-Method: POST");
            assertThat(preflight.status()).as(origin).isEqualTo(403);
            assertThat(preflight.header("Access-Control-Allow-Origin"))
                    .as(origin)
                    .isNull();
        }
    }

    @Test
    void aProductionStartWithoutItsKeysAndDatabaseIsRefusedNamingEachSetting(CapturedOutput output) {
        for (String profile : List.of("prod", "staging")) {
            assertThatThrownBy(() -> new SpringApplicationBuilder(ReferenceApplication.class)
                            .run("--spring.profiles.active=" + profile, "--server.port=0")
                            .close())
                    .satisfies(e ->
                            assertThat(InvalidSettingException.exitCodeOf(e)).isEqualTo(2));

            assertThat(output.getAll())
                    .contains("APPLICATION FAILED TO START")
                    .contains("spring.datasource.url")
                    .contains("SPRING_DATASOURCE_URL")
                    .contains("reference.pagination.cursor-key")
                    .contains(profile);
        }
    }

    @Test
    void traceIsRefusedAndEchoesNothing() {
        Reply trace = raw.send("TRACE", "/api/v1/orders", "", "X-Secret: s3cret", "Cookie: a=s3cret");

        assertThat(trace.status()).isEqualTo(405);
        assertThat(trace.isProblem()).isTrue();
        assertThat(trace.body()).doesNotContain("s3cret");
    }
}
