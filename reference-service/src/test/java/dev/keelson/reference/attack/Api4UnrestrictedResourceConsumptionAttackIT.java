package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.RawHttp.Reply;
import dev.keelson.reference.testing.RawHttp.Streamed;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * OWASP API4:2023, unrestricted resource consumption: rate limits that hold whatever the path's spelling, a body
 * limit that holds whatever the body's framing, bounded headers, bounded pages. Its own context with small limits
 * (sign-in bucket {@value SmallLimits#AUTH_CAPACITY} per hour),
 * the test client (127.0.0.1) trusted as a proxy so each test picks its client address with
 * {@code X-Forwarded-For}; paths are spelled by {@link PathSpellings}.
 */
class Api4UnrestrictedResourceConsumptionAttackIT extends SmallLimits {
    private static final int LIMIT = 64 * 1024;
    private static final String ORDER =
            "{\"currency\":\"EUR\",\"lines\":[{\"product\":\"p\",\"quantity\":1," + "\"unitPrice\":1}]}";

    @Test
    void everySpellingOfAnApiPathIsRefusedOrCountedInTheCallersBucket() {
        Session user = api.newUser(newAddress());
        List<String> bypasses = new ArrayList<>();
        for (String path : PathSpellings.of("/api/v1/orders")) {
            Reply reply = raw.send("GET", path, "", "Authorization: Bearer " + user.accessToken());
            if (reply.status() < 300 && reply.header("RateLimit-Limit") == null) {
                bypasses.add(path + " -> " + reply.status() + " with no rate limit");
            }
            if (reply.status() >= 400 && !reply.isProblem()) {
                bypasses.add(path + " -> " + reply.status() + " without a problem document: " + reply);
            }
        }
        assertThat(bypasses).isEmpty();
    }

    @Test
    void anIdempotencyKeyCoversEverySpellingOfItsPath() {
        Session user = api.newUser(newAddress());
        String key = UUID.randomUUID().toString();
        Reply first = postOrder("/api/v1/orders", key, user);
        assertThat(first.status()).isEqualTo(201);
        List<String> duplicates = new ArrayList<>();
        for (String path : PathSpellings.of("/api/v1/orders")) {
            Reply again = postOrder(path, key, user);
            if (again.status() == 201 && !"true".equals(again.header("Idempotent-Replayed"))) {
                duplicates.add(path);
            }
        }
        assertThat(duplicates).isEmpty();
    }

    private Reply postOrder(String path, String key, Session user) {
        return raw.send(
                "POST",
                path,
                ORDER,
                "Content-Type: application/json",
                "Content-Length: " + ORDER.length(),
                "Idempotency-Key: " + key,
                "Authorization: Bearer " + user.accessToken());
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhateverItsFraming() {
        String big = "{\"note\":\"" + "a".repeat(LIMIT + 10) + "\"}";
        List<String> accepted = new ArrayList<>();
        for (List<String> framing : List.of(
                List.of("Content-Length: " + big.length()),
                List.of("Transfer-Encoding: chunked"),
                List.of("Transfer-Encoding: CHUNKED"),
                List.of("Transfer-Encoding: Chunked"),
                List.of("Transfer-Encoding: , chunked"),
                List.of("Transfer-Encoding: ,chunked,"),
                List.of("Transfer-Encoding:  chunked "),
                List.of("Transfer-Encoding: identity, chunked"),
                List.of("Transfer-Encoding: gzip, chunked"),
                List.of("Transfer-Encoding: gzip", "Transfer-Encoding: chunked"),
                List.of("Transfer-Encoding: chunked", "Content-Length: 10"))) {
            boolean chunked = framing.stream().anyMatch(h -> h.toLowerCase().contains("chunked"));
            Reply reply = post(big, chunked, framing);
            if (reply.status() < 400 || reply.status() == 401 || !reply.isProblem()) {
                accepted.add(framing + " -> " + reply);
            }
        }
        assertThat(accepted).isEmpty();
    }

    @Test
    void aBodyWithinTheLimitIsReadWhateverItsFraming() {
        Session user = api.newUser(newAddress());
        for (boolean chunked : List.of(false, true)) {
            Reply reply = raw.send(
                    "POST",
                    "/api/v1/orders",
                    chunked ? chunk(ORDER) : ORDER,
                    "Content-Type: application/json",
                    chunked ? "Transfer-Encoding: , chunked" : "Content-Length: " + ORDER.length(),
                    "Authorization: Bearer " + user.accessToken());
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        }
    }

    @Test
    void aFiftyMegabyteChunkedBodyIsCutOffEarly() {
        Session user = api.newUser(newAddress());
        String token = user.accessToken() == null ? "" : "Authorization: Bearer " + user.accessToken() + "\r\n";
        Streamed streamed = raw.stream(
                "POST /api/v1/orders HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                        + "\r\nTransfer-Encoding: , chunked\r\n" + token + "\r\n",
                chunks(50L * 1024 * 1024));

        assertThat(streamed.reply()).as("written: " + streamed.bytesWritten()).isNotNull();
        assertThat(streamed.reply().status()).isEqualTo(413);
        assertThat(streamed.reply().isProblem()).isTrue();
        // the server read at most the limit and what Tomcat swallows; the rest are socket buffers
        assertThat(streamed.bytesWritten()).isLessThan(16L * 1024 * 1024);
    }

    @Test
    void aBodyBeyondItsDeclaredLengthIsNotReadAsBody() {
        Reply reply = raw.send(
                "POST",
                "/api/v1/orders",
                ORDER + "x".repeat(2_000),
                "Content-Type: application/json",
                "Content-Length: " + ORDER.length());

        // the answer is to the declared body alone (placed, or 401 without a token where sign-in exists); the bytes
        // after it are the next request on a connection that closes, never more body
        assertThat(reply.status()).as(reply.toString()).isIn(201, 401);
    }

    @Test
    void oversizedAndTooManyHeadersAreRefusedWithAProblemDocument() {
        Reply huge = raw.send("GET", "/api/v1/orders", "", "X-Big: " + "a".repeat(20_000));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add("X-H" + i + ": v");
        }
        Reply tooMany = raw.send("GET", "/api/v1/orders", "", many.toArray(String[]::new));
        Reply longPath = raw.send("GET", "/api/v1/" + "a".repeat(20_000), "");

        assertThat(List.of(huge, tooMany, longPath)).allSatisfy(reply -> {
            assertThat(reply.status()).isIn(400, 414, 431);
            assertThat(reply.isProblem()).as(reply.toString()).isTrue();
            assertThat(reply.head()).doesNotContainIgnoringCase("tomcat");
        });
    }

    @Test
    void aClientThatSendsItsHeadersSlowlyIsDisconnected() {
        // server.tomcat.connection-timeout is 2 s here: a head never finished must not hold the connection longer
        Streamed streamed =
                raw.stream("GET /api/v1/orders HTTP/1.1\r\nHost: localhost\r\n", InputStream.nullInputStream());

        assertThat(streamed.reply() == null || streamed.reply().status() >= 400).isTrue();
    }

    @Test
    void aPageLargerThanTheMaximumIsRefused() {
        Session user = api.newUser(newAddress());
        for (String limit : List.of("101", "1000000", "-1", "0", "99999999999999999999", "1e3")) {
            Reply reply =
                    raw.send("GET", "/api/v1/orders?limit=" + limit, "", "Authorization: Bearer " + user.accessToken());
            assertThat(reply.status()).as(limit).isEqualTo(400);
            assertThat(reply.isProblem()).isTrue();
        }
    }

    private Reply post(String body, boolean chunked, List<String> framing) {
        List<String> headers = new ArrayList<>(framing);
        headers.add("Content-Type: application/json");
        return raw.send("POST", "/api/v1/orders", chunked ? chunk(body) : body, headers.toArray(String[]::new));
    }

    private static String chunk(String body) {
        return Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
    }

    /** {@code total} bytes as 8 KB chunks, made as they are read. */
    private static InputStream chunks(long total) {
        byte[] one =
                (Integer.toHexString(8192) + "\r\n" + "a".repeat(8192) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        return new InputStream() {
            private long sent;
            private int at;

            @Override
            public int read() {
                if (sent >= total) {
                    return -1;
                }
                int b = one[at++];
                if (at == one.length) {
                    at = 0;
                    sent += 8192;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) {
                if (sent >= total) {
                    return -1;
                }
                int n = Math.min(len, one.length - at);
                System.arraycopy(one, at, buffer, off, n);
                at += n;
                if (at == one.length) {
                    at = 0;
                    sent += 8192;
                }
                return n;
            }
        };
    }
}
