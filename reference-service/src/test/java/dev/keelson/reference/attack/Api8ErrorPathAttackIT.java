package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.RawHttp;
import dev.keelson.reference.testing.RawHttp.Reply;
import dev.keelson.reference.testing.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.web.multipart.MultipartResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OWASP API8:2023, security misconfiguration, at the HTTP layer: the servlet container's error page {@code /error}
 * is there for the container's own error dispatches, so a client that calls it directly, by any method and any
 * spelling, signed in or not, gets what an unknown path gets (never a 500 that tells it the path is special), while
 * the container's errors keep their status; and no probing request (odd methods, paths, headers, bodies) makes the
 * service answer 5xx.
 */
class Api8ErrorPathAttackIT extends ServiceTest {
    private static final List<String> METHODS =
            List.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "TRACE", "FOO");

    /** Each spelling of the error path beside the same spelling of an unknown path. */
    private static final List<List<String>> SPELLINGS = List.of(
            List.of("/error", "/nope"),
            List.of("/error/", "/nope/"),
            List.of("/error;x=1", "/nope;x=1"),
            List.of("/error;jsessionid=0", "/nope;jsessionid=0"),
            List.of("/%65rror", "/%6eope"),
            List.of("/%65%72%72%6f%72", "/%6e%6f%70%65"),
            List.of("/ERROR", "/NOPE"),
            List.of("/Error", "/Nope"),
            List.of("//error", "//nope"),
            List.of("/./error", "/./nope"),
            List.of("/api/../error", "/api/../nope"),
            List.of("/error.json", "/nope.json"),
            List.of("/error?x=1", "/nope?x=1"),
            List.of("/error?" + "x=1&".repeat(500), "/nope?" + "x=1&".repeat(500)),
            List.of("/error/x", "/nope/x"),
            List.of("http://localhost/error", "http://localhost/nope"));

    /** Bodies no endpoint takes, each sent under every content type of {@link #CONTENT_TYPES}. */
    static final List<String> BODIES = List.of(
            "{", "[]", "null", "\"x\"", "{\"a\":" + "[".repeat(5000), "{\"currency\":1e999999}", "\u0000", "<x/>");

    static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json; charset=ebcdic",
            "application/json; charset=\"",
            "application/problem+json",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "multipart/form-data; boundary=x",
            "text/plain",
            "application/xml",
            "*/*",
            ";;;");

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    private RawHttp raw;
    private static String token;

    @BeforeEach
    void raw() {
        raw = new RawHttp(port);
        if (token == null) {
            token = api.newUser().accessToken();
        }
    }

    static Stream<Arguments> directCalls() {
        return METHODS.stream()
                .flatMap(method -> SPELLINGS.stream()
                        .flatMap(pair -> Stream.of(
                                Arguments.of(method, pair.get(0), pair.get(1), true),
                                Arguments.of(method, pair.get(0), pair.get(1), false))));
    }

    @ParameterizedTest(name = "{0} {1} signed in: {3}")
    @MethodSource("directCalls")
    void aDirectCallToTheErrorPathGetsWhatAnUnknownPathGets(
            String method, String errorPath, String unknownPath, boolean signedIn) {
        Reply error = call(method, errorPath, signedIn);
        Reply unknown = call(method, unknownPath, signedIn);

        assertThat(error.status()).as(error.toString()).isLessThan(500).isEqualTo(unknown.status());
        assertThat(error.header("Content-Type")).isEqualTo(unknown.header("Content-Type"));
        assertThat(error.header("WWW-Authenticate")).isEqualTo(unknown.header("WWW-Authenticate"));
        assertThat(error.header("Allow")).isEqualTo(unknown.header("Allow"));
        if (!method.equals("HEAD")) {
            assertThat(error.isProblem()).as(error.toString()).isTrue();
            assertThat(shape(error, "error")).isEqualTo(shape(unknown, "nope"));
        }
    }

    @Test
    void aCorsPreflightToTheErrorPathGetsWhatOneToAnUnknownPathGets() {
        for (String origin : List.of("https://app.example.com", "https://evil.example.net")) {
            Reply error = raw.send("OPTIONS", "/error", "", "Origin: " + origin, "Access-Control-Request-Method: POST");
            Reply unknown =
                    raw.send("OPTIONS", "/nope", "", "Origin: " + origin, "Access-Control-Request-Method: POST");

            assertThat(error.status()).as(origin).isEqualTo(unknown.status());
            assertThat(error.headers().keySet())
                    .as(origin)
                    .isEqualTo(unknown.headers().keySet());
        }
    }

    @Test
    void theContainersOwnErrorDispatchesKeepTheirStatusAndDocument() {
        // Tomcat refuses TRACE (405), the firewall a path with // or an encoded dot and an odd method (400), MVC has a
        // bug (500): each an error dispatch to /error, whatever the method
        assertThat(problem(raw.send("TRACE", "/api/v1/orders", ""))).isEqualTo(405);
        assertThat(problem(raw.send("GET", "/api//v1/orders", ""))).isEqualTo(400);
        assertThat(problem(raw.send("GET", "/api/v1/%2e%2e/x", ""))).isEqualTo(400);
        assertThat(problem(raw.send("OPTIONS", "/api//v1/orders", ""))).isEqualTo(400);
        assertThat(problem(raw.send("DELETE", "/error//x", ""))).isEqualTo(400);
        assertThat(problem(raw.send("FOO", "/api/v1/orders", ""))).isEqualTo(400);
        assertThat(problem(raw.send("GET", "/api/v1/test/fail", "", bearer()))).isEqualTo(500);
    }

    @Test
    void noOddMethodOnAnOddPathAnswers5xx() {
        List<String> paths = List.of(
                "/",
                "/error",
                "/health/..",
                "/health/../error",
                "/health/%2e%2e/error",
                "/health/ready/..",
                "/health/ready/../../error",
                "/health/%2e%2e",
                "/health/ready;x",
                "/health/ready/",
                "/health/",
                "/health/x",
                "/prometheus/",
                "/prometheus;x=1",
                "/actuator",
                "/actuator/env",
                "/actuator/heapdump",
                "/env",
                "/heapdump",
                "/threaddump",
                "/jolokia",
                "/h2-console",
                "/manager/html",
                "/WEB-INF/web.xml",
                "/META-INF/MANIFEST.MF",
                "/.git/config",
                "/.env",
                "/%2e%2e/%2e%2e/etc/passwd",
                "/..%2f..%2fetc/passwd",
                "/api/v1/orders%2f..%2f..%2ferror",
                "/api/v1/orders%5c..%5cerror",
                "/api/v1/orders/..;/../error",
                "/api/v1/%2e%2e/orders",
                "/api/v1/orders/%00",
                "/api/v1/orders/%ff",
                "/api/v1/orders/%",
                "/api/v1/orders/%zz",
                "/api/v1/orders/" + "a".repeat(4000),
                "/api/v1/orders?limit=%ff",
                "/api/v1/orders?limit=-1",
                "/api/v1/orders?limit=99999999999999999999",
                "/api/v1/orders?cursor=%00",
                "/api/v1/orders?&&==&",
                "/api/v1/orders?" + "a=1&".repeat(5000),
                "/api/v1/orders/not-a-uuid",
                "/api/v1/orders/00000000-0000-0000-0000-000000000000",
                "/v3/api-docs",
                "/swagger-ui.html",
                "/graphql",
                "/graphiql",
                "/favicon.ico",
                "/index.html",
                "/*",
                "/~",
                "/%20",
                "/%u0065rror");
        List<String> methods =
                List.of("GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "TRACE", "PROPFIND", "QUERY");
        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            for (String method : methods) {
                for (boolean signedIn : List.of(true, false)) {
                    failures.addAll(fiveHundreds(method + " " + path, call(method, path, signedIn)));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void noMalformedBodyAnswers5xx() {
        List<String> failures = new ArrayList<>();
        for (String target : List.of("/api/v1/orders", "/error", "/nope", "/graphql")) {
            failures.addAll(malformedBodiesAnswering5xx(raw, target, bearer()));
            failures.addAll(malformedBodiesAnswering5xx(raw, target, "X-Signed-In: no"));
        }
        assertThat(failures).isEmpty();
    }

    /**
     * The API takes no uploads, so nothing parses a multipart body: no resolver exists, and a well-formed multipart
     * request (which a resolver would have read part by part, to disk, before any handler refused it) gets the 415 of
     * any body a JSON endpoint does not take, signed in or not.
     */
    @Test
    void aMultipartBodyIsNeverParsed() {
        assertThat(context.getBeanNamesForType(MultipartResolver.class)).isEmpty();
        String body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(4096) + "\r\n--b--\r\n";
        for (String target : List.of("/api/v1/orders")) {
            for (boolean signedIn : List.of(true, false)) {
                Reply reply = raw.send(
                        "POST",
                        target,
                        body,
                        "Content-Type: multipart/form-data; boundary=b",
                        "Content-Length: " + body.length(),
                        signedIn ? bearer() : "X-Signed-In: no");
                // signed out, the chain may refuse the caller before any body is looked at
                assertThat(reply.status()).as(target + " " + reply).isIn(signedIn ? List.of(415) : List.of(401, 415));
                assertThat(reply.isProblem()).as(reply.toString()).isTrue();
            }
        }
    }

    @Test
    void noOddHeaderAnswers5xx() {
        List<String> failures = new ArrayList<>();
        for (String header : List.of(
                "Accept: application/xml",
                "Accept: text/html",
                "Accept: ;;;",
                "Accept: application/json;q=abc",
                "Accept: */*;q=0",
                "Accept-Charset: ebcdic",
                "Accept-Encoding: br;q=x",
                "Accept-Language: ;;",
                "Content-Type: ;;;",
                "If-None-Match: \"",
                "If-Match: x",
                "If-Modified-Since: yesterday",
                "Range: bytes=9-1",
                "Range: bytes=" + "1-2,".repeat(2000),
                "X-Request-Id: " + "a".repeat(2000),
                "X-Request-Id: \u0001",
                "X-Forwarded-For: ::::",
                "X-Forwarded-Proto: gopher",
                "X-Forwarded-Port: -1",
                "X-Forwarded-Host: a b",
                "Forwarded: for=\"",
                "Origin: null",
                "Origin: " + "a".repeat(3000),
                "Idempotency-Key: " + "a".repeat(3000),
                "Authorization: Bearer",
                "Authorization: Bearer " + "a".repeat(7000),
                "Authorization: Basic Og==",
                "Authorization: Negotiate x",
                "Expect: 100-continue",
                "Expect: nonsense",
                "Upgrade: h2c",
                "Upgrade: websocket",
                "Transfer-Encoding: chunked, gzip",
                "Content-Length: -1",
                "Content-Length: 1, 2",
                "Content-Encoding: gzip",
                "Cookie: " + "a=b; ".repeat(1000),
                "X-Big: " + "a".repeat(9000))) {
            for (String target : List.of("/api/v1/orders", "/error", "/nope", "/health/ready")) {
                for (String method : List.of("GET", "POST")) {
                    String probe = method + " " + target + " " + header.substring(0, Math.min(40, header.length()));
                    failures.addAll(fiveHundreds(probe, raw.send(method, target, "", header, bearer())));
                    failures.addAll(fiveHundreds(probe, raw.send(method, target, "", header)));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Every body of {@link #BODIES} under every type of {@link #CONTENT_TYPES}: those answered with a 5xx. */
    static List<String> malformedBodiesAnswering5xx(RawHttp raw, String target, String header) {
        List<String> failures = new ArrayList<>();
        for (String body : BODIES) {
            for (String contentType : CONTENT_TYPES) {
                String length = "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length;
                Reply reply = raw.send("POST", target, body, "Content-Type: " + contentType, length, header);
                String probe =
                        "POST " + target + " " + contentType + " " + body.substring(0, Math.min(20, body.length()));
                failures.addAll(fiveHundreds(probe, reply));
            }
        }
        return failures;
    }

    private static List<String> fiveHundreds(String probe, Reply reply) {
        return reply.status() >= 500 ? List.of(probe + " -> " + reply) : List.of();
    }

    private static int problem(Reply reply) {
        assertThat(reply.isProblem()).as(reply.toString()).isTrue();
        assertThat(reply.json().path("instance").asString()).isNotEqualTo("/error");
        return reply.status();
    }

    private Reply call(String method, String target, boolean signedIn) {
        return signedIn ? raw.send(method, target, "", bearer()) : raw.send(method, target, "");
    }

    /** The signed-in user's bearer token (without auth, where there is none, a header nothing reads). */
    private static String bearer() {
        return token == null ? "X-Signed-In: no" : "Authorization: Bearer " + token;
    }

    /** The problem document without what is the request's own: its id, and its path where it is echoed. */
    private static JsonNode shape(Reply reply, String name) {
        ObjectNode json = (ObjectNode) reply.json();
        json.remove("requestId");
        json.remove("instance");
        json.put("detail", json.path("detail").asString().replaceAll("(?i)" + name, "?"));
        return json;
    }
}
