package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.FreshDatabaseInitializer;
import dev.keelson.reference.testing.RawHttp;
import dev.keelson.reference.testing.RawHttp.Reply;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** OWASP API4:2023 for sign-in: its bucket holds whatever the path's spelling or the client's address claims. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "reference.rate-limit.auth.capacity=" + Api4SignInResourceConsumptionAttackIT.AUTH_CAPACITY,
            "reference.rate-limit.auth.period=1h",
            "reference.rate-limit.api.capacity=" + Api4SignInResourceConsumptionAttackIT.API_CAPACITY,
            "reference.rate-limit.api.period=1h",
            "server.tomcat.connection-timeout=2s",
            "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1"
        })
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
class Api4SignInResourceConsumptionAttackIT {
    static final int AUTH_CAPACITY = 5;
    static final int API_CAPACITY = 10_000;
    private static final int LIMIT = 64 * 1024;
    private static final String ORDER =
            "{\"currency\":\"EUR\",\"lines\":[{\"product\":\"p\",\"quantity\":1," + "\"unitPrice\":1}]}";

    @LocalServerPort
    private int port;

    private RawHttp raw;
    private Api api;

    @BeforeEach
    void connect() {
        raw = new RawHttp(port);
        api = new Api(port);
    }

    private static String newAddress() {
        return "198.18." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
    }

    @Test
    void noSpellingOfTheSignInPathReachesItOutsideTheSignInBucket() {
        String address = newAddress();
        String login = "{\"email\":\"nobody@example.com\",\"password\":\"wrong password\"}";
        List<String> bypasses = new ArrayList<>();
        for (String path : PathSpellings.of("/api/v1/auth/login")) {
            Reply reply = raw.send(
                    "POST",
                    path,
                    login,
                    "Content-Type: application/json",
                    "Content-Length: " + login.length(),
                    "X-Forwarded-For: " + address);
            boolean reachedLogin = reply.body().contains("/bad-credentials");
            if (reachedLogin && !String.valueOf(AUTH_CAPACITY).equals(reply.header("RateLimit-Limit"))) {
                bypasses.add(path + " -> " + reply.status() + " RateLimit-Limit " + reply.header("RateLimit-Limit"));
            }
            if (reply.status() >= 400 && !reply.isProblem()) {
                bypasses.add(path + " -> " + reply.status() + " without a problem document: " + reply);
            }
        }
        assertThat(bypasses).isEmpty();
    }

    @Test
    void onceTheSignInBucketIsEmptyNoSpellingOfThePathGetsThrough() {
        String address = newAddress();
        String login = "{\"email\":\"nobody@example.com\",\"password\":\"wrong password\"}";
        for (int i = 0; i < AUTH_CAPACITY; i++) {
            raw.send(
                    "POST",
                    "/api/v1/auth/login",
                    login,
                    "Content-Type: application/json",
                    "Content-Length: " + login.length(),
                    "X-Forwarded-For: " + address);
        }
        List<String> through = new ArrayList<>();
        List<String> spellings = new ArrayList<>(PathSpellings.of("/api/v1/auth/login"));
        spellings.add("/api/v1/auth/login");
        spellings.add("/api/v1/auth/login?x=1");
        for (String path : spellings) {
            Reply reply = raw.send(
                    "POST",
                    path,
                    login,
                    "Content-Type: application/json",
                    "Content-Length: " + login.length(),
                    "X-Forwarded-For: " + address);
            if (reply.body().contains("/bad-credentials")) {
                through.add(path);
            }
        }
        assertThat(through).isEmpty();
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
