package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.RawHttp;
import dev.keelson.reference.testing.RawHttp.Reply;
import dev.keelson.reference.testing.ServiceTest;
import dev.keelson.reference.testing.TestFeature;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * OWASP API8:2023 through bad input: every operation the OpenAPI document lists (so every endpoint a project adds
 * too) gets malformed bodies (broken, deeply nested, huge numbers, wrong types, bad UTF-8, NUL, duplicate keys,
 * trailing tokens, ...) and hostile query values; none may answer 5xx, and every refusal is a problem document.
 * Then the money and quantity rules: ISO 4217 currencies with their minor units, whole quantities, totals that fit
 * the columns.
 */
class Api8MalformedInputAttackIT extends ServiceTest {
    private static final List<String> FIELDS = List.of(
            "email",
            "password",
            "displayName",
            "currency",
            "note",
            "lines",
            "product",
            "quantity",
            "unitPrice",
            "refreshToken",
            "token",
            "newPassword",
            "roles",
            "query",
            "variables");

    @LocalServerPort
    private int port;

    private RawHttp raw;
    private Session user;

    @BeforeEach
    void signIn() {
        raw = new RawHttp(port);
        user = api.newUser();
    }

    /** An operation of the OpenAPI document: its method, its path with ids filled in, its query parameters. */
    private record Operation(String method, String path, List<String> parameters) {}

    /** Every operation of the OpenAPI document but the test-only routes (a slow one, a failing one). */
    private List<Operation> operations() {
        JsonNode paths = api.get("/v3/api-docs").send().json().get("paths");
        List<Operation> operations = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                List<String> parameters = new ArrayList<>(List.of("unknown"));
                paths.get(path).get(method).path("parameters").forEach(p -> {
                    if ("query".equals(p.path("in").asString())) {
                        parameters.add(p.get("name").asString());
                    }
                });
                if (!path.startsWith("/api/v1/test/")) {
                    operations.add(new Operation(
                            method.toUpperCase(),
                            path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()),
                            parameters));
                }
            }
        }
        TestFeature.present().stream()
                .flatMap(feature -> feature.endpointsBesideTheApiDocument().stream())
                .map(endpoint -> endpoint.split(" ", 2))
                .forEach(endpoint -> operations.add(new Operation(endpoint[0], endpoint[1], List.of("unknown"))));
        assertThat(operations).hasSizeGreaterThan(5);
        return operations;
    }

    private static List<byte[]> malformedBodies() {
        List<String> texts = new ArrayList<>(List.of(
                "{",
                "}",
                "[",
                "{\"a\":",
                "null",
                "\"\"",
                "1",
                "[]",
                "{}",
                "true",
                "{\"email\":\"a@example.com\"} trailing",
                "{'single':'quotes'}",
                "{\"a\":1,}",
                "{a:1}",
                "\u00ff",
                "[".repeat(100_000),
                "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000),
                "{\"quantity\":1e999999999,\"unitPrice\":1e999999999}",
                "{\"unitPrice\":-1e-999999999}",
                "{\"quantity\":" + "9".repeat(5_000) + "}",
                "{\"x\":\"\\ud800\"}",
                "{\"x\":\"\\uZZZZ\"}"));
        for (String field : FIELDS) {
            texts.add("{\"" + field + "\":\"a\\u0000b\"}");
            texts.add("{\"" + field + "\":{\"nested\":[1,2,{}]}}");
            texts.add("{\"" + field + "\":12345678901234567890123456789}");
            texts.add("{\"" + field + "\":\"a\",\"" + field + "\":\"b\"}");
            texts.add("{\"" + field + "\":\"" + "x".repeat(60_000) + "\"}");
            texts.add("{\"" + field + "\":-0.0000001}");
        }
        texts.add("{\"email\":\"a\\u0000@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"x\"}");
        texts.add(
                "{\"currency\":\"EUR\",\"note\":\"a\\u0000\",\"lines\":[{\"product\":\"p\",\"quantity\":1,\"unitPrice\":1}]}");
        List<byte[]> bodies = new ArrayList<>(
                texts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList());
        bodies.add(new byte[] {'{', '"', 'e', 'm', 'a', 'i', 'l', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'});
        bodies.add(new byte[] {'{', '"', 'n', 'o', 't', 'e', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'});
        bodies.add(new byte[] {'{', '"', 'n', 'o', 't', 'e', '"', ':', '"', 0, '"', '}'});
        return bodies;
    }

    @Test
    void noMalformedBodyGetsA5xxFromAnyOperation() {
        List<String> failures = new ArrayList<>();
        for (Operation operation : operations()) {
            if (operation.method().equals("GET")) {
                continue;
            }
            for (byte[] body : malformedBodies()) {
                check(failures, post(operation.method(), operation.path(), body, "application/json"), operation, body);
            }
            byte[] latin1 = "{\"note\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
            check(
                    failures,
                    post(operation.method(), operation.path(), latin1, "application/json; charset=ISO-8859-1"),
                    operation,
                    latin1);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void noHostileQueryValueGetsA5xxFromAnyOperation() {
        List<String> failures = new ArrayList<>();
        for (Operation operation : operations()) {
            for (String value : List.of(
                    "%00",
                    "%ff%fe",
                    "%C0%AF",
                    "'%20OR%201=1--",
                    "-1",
                    "NaN",
                    "99999999999999999999999",
                    "x".repeat(5_000),
                    "2026-13-45T99:99:99Z",
                    "%7B%7D",
                    "&&==&")) {
                for (String name : operation.parameters()) {
                    String target = operation.path() + "?" + name + "=" + value;
                    Reply reply = raw.send(
                            operation.method(),
                            target,
                            "",
                            "Authorization: Bearer " + user.accessToken(),
                            "Content-Length: 0");
                    if (reply.status() >= 500 || (reply.status() >= 400 && !reply.isProblem())) {
                        failures.add(operation.method() + " " + target + " -> " + reply.status() + " " + reply.body());
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private Reply post(String method, String path, byte[] body, String type) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                        + "Authorization: Bearer " + user.accessToken() + "\r\nContent-Type: " + type
                        + "\r\nIf-Match: \"1\"\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return raw.sendRaw(request.toByteArray());
    }

    private static void check(List<String> failures, Reply reply, Operation operation, byte[] body) {
        if (reply.status() >= 500 || (reply.status() >= 400 && !reply.isProblem())) {
            String shown = new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8);
            failures.add(operation.method() + " " + operation.path() + " " + shown + " -> " + reply.status() + " "
                    + reply.body());
        }
    }

    @Test
    void aNulCharacterIsRefusedNamingItsField() {
        String body = "{\"currency\":\"EUR\",\"note\":\"a\\u0000b\",\"lines\":[{\"product\":\"p\",\"quantity\":1,"
                + "\"unitPrice\":1}]}";
        Reply reply = post("POST", "/api/v1/orders", body.getBytes(StandardCharsets.UTF_8), "application/json");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/errors/0/field").asString())
                .as(reply.body())
                .isEqualTo("note");
    }

    @Test
    void currenciesAreIso4217CodesAndPricesRespectTheirMinorUnits() {
        List<String> wronglyAccepted = new ArrayList<>();
        for (Object[] order : List.of(
                new Object[] {"XYZ", 1, "1"},
                new Object[] {"XXX", 1, "1"},
                new Object[] {"XAU", 1, "1"},
                new Object[] {"eur", 1, "1"},
                new Object[] {"JPY", 1, "1.5"},
                new Object[] {"JPY", 1, "0.01"},
                new Object[] {"EUR", 1, "0.001"},
                new Object[] {"BHD", 1, "1.234"},
                new Object[] {"EUR", 1, "-1"},
                new Object[] {"EUR", 1, "1e12"},
                new Object[] {"EUR", 0, "1"},
                new Object[] {"EUR", 10_001, "1"},
                new Object[] {"EUR", "1.5", "1"},
                new Object[] {"EUR", "1.0", "1"},
                new Object[] {"EUR", 1, "100000000000"})) {
            String body = "{\"currency\":\"" + order[0] + "\",\"lines\":[{\"product\":\"p\",\"quantity\":" + order[1]
                    + ",\"unitPrice\":" + order[2] + "}]}";
            Reply reply = post("POST", "/api/v1/orders", body.getBytes(StandardCharsets.UTF_8), "application/json");
            if (reply.status() != 400 || !reply.isProblem()) {
                wronglyAccepted.add(body + " -> " + reply.status() + " " + reply.body());
            }
        }
        assertThat(wronglyAccepted).isEmpty();
    }

    @Test
    void theLargestOrderTheRulesAllowFitsItsColumns() {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            lines.add(Map.of("product", "p" + i, "quantity", 10_000, "unitPrice", "99999999999.99"));
        }
        var reply = api.post("/api/v1/orders")
                .token(user.accessToken())
                .json(Map.of("currency", "EUR", "lines", lines))
                .send();

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().at("/data/total").asString()).isEqualTo("99999999999990000.00");
    }

    @Test
    void currenciesWithoutDecimalsTakeWholePrices() {
        for (String[] ok : List.of(
                new String[] {"JPY", "150"},
                new String[] {"JPY", "150.00"},
                new String[] {"EUR", "1.5"},
                new String[] {"BHD", "1.23"},
                new String[] {"USD", "0"})) {
            var reply = api.post("/api/v1/orders")
                    .token(user.accessToken())
                    .json("{\"currency\":\"" + ok[0] + "\",\"lines\":[{\"product\":\"p\",\"quantity\":2,\"unitPrice\":"
                            + ok[1] + "}]}")
                    .send();
            assertThat(reply.status())
                    .as(ok[0] + " " + ok[1] + " " + reply.body())
                    .isEqualTo(201);
        }
    }
}
