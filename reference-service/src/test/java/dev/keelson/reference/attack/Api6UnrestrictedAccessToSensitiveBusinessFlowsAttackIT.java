package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Accounts;
import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.FreshDatabaseInitializer;
import dev.keelson.reference.testing.TestSmtp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * OWASP API6:2023, unrestricted access to sensitive business flows: guessing passwords, registering accounts and
 * sending reset emails in bulk, unverified accounts ordering, and the sign-up email as a way to send an attacker's
 * text to a stranger. Runs with the small limits of {@code RateLimitIT} (the same settings, so the same context:
 * 3 sign-in requests and 5 API requests per hour), each probe from a client address of its own
 * ({@code X-Forwarded-For} from the trusted test proxy). Every probe is a real request to the running service.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "reference.rate-limit.auth.capacity=3", "reference.rate-limit.auth.period=1h",
            "reference.rate-limit.api.capacity=5", "reference.rate-limit.api.period=1h",
            // a .properties line: each backslash doubled once more
            "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1|0:0:0:0:0:0:0:1"
        })
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
class Api6UnrestrictedAccessToSensitiveBusinessFlowsAttackIT {
    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CODE = Pattern.compile("^([A-Za-z0-9_-]{43})$", Pattern.MULTILINE);
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static final Map<String, Object> ORDER =
            Map.of("currency", "EUR", "lines", List.of(Map.of("product", "Tea", "quantity", 1, "unitPrice", "1.00")));

    @LocalServerPort
    private int port;

    private Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void guessingPasswordsHitsTheSignInLimitAndTheRightPasswordDoesNotSlipThrough() {
        Session victim = api.newUser(address());
        String attacker = address();
        for (String guess : new String[] {"guess number one", "guess number two", "GUESS NUMBER 3!"}) {
            Reply reply = login(attacker, victim.email(), guess);
            assertThat(reply.status()).isEqualTo(401);
        }

        Reply limited = login(attacker, victim.email(), PASSWORD);
        Reply otherSpelling = login(attacker, " " + victim.email().toUpperCase() + " ", PASSWORD);
        Reply otherEndpoint = api.post("/api/v1/auth/refresh")
                .header("X-Forwarded-For", attacker)
                .json(Map.of("refreshToken", victim.refreshToken()))
                .send();

        for (Reply reply : List.of(limited, otherSpelling, otherEndpoint)) {
            assertThat(reply.status()).isEqualTo(429);
            assertThat(reply.body()).doesNotContain("accessToken");
            assertThat(Long.parseLong(reply.header("Retry-After"))).isPositive();
        }
    }

    @Test
    void registeringInBulkFromOneAddressIsLimited() {
        String bulk = address();
        int created = 0;
        int limited = 0;
        for (int i = 0; i < 6; i++) {
            Reply reply = register(bulk, "bulk-" + UUID.randomUUID() + "@example.com", "Bulk");
            created += reply.status() == 201 ? 1 : 0;
            limited += reply.status() == 429 ? 1 : 0;
        }

        assertThat(created).isEqualTo(3);
        assertThat(limited).isEqualTo(3);
    }

    @Test
    void resetEmailsToOneVictimCannotBeSentInBulk() {
        Session victim = api.newUser(address());
        String flooder = address();
        int accepted = 0;
        for (int i = 0; i < 10; i++) {
            Reply reply = api.post("/api/v1/auth/password-reset")
                    .header("X-Forwarded-For", flooder)
                    .json(Map.of("email", victim.email()))
                    .send();
            accepted += reply.status() == 202 ? 1 : 0;
        }

        assertThat(accepted).isEqualTo(3);
        // the verification email and at most the three accepted resets
        assertThat(TestSmtp.bodiesFor(victim.email(), 5)).hasSizeLessThanOrEqualTo(4);
    }

    @Test
    void anUnverifiedAccountMaySignInButNotOrderUntilItVerifies() {
        String from = address();
        String email = "unverified-" + UUID.randomUUID() + "@example.com";
        assertThat(register(from, email, "Unverified").status()).isEqualTo(201);
        Session unverified = Accounts.login(api, email, PASSWORD, from);

        Reply me = api.get("/api/v1/users/me").token(unverified.accessToken()).send();
        Reply order = api.post("/api/v1/orders")
                .token(unverified.accessToken())
                .json(ORDER)
                .send();

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().at("/data/emailVerified").asBoolean()).isFalse();
        assertThat(order.status()).isEqualTo(403);
        assertThat(order.json().get("type").asString()).endsWith("/email-not-verified");

        String later = address();
        assertThat(api.post("/api/v1/auth/verify-email")
                        .header("X-Forwarded-For", later)
                        .json(Map.of("token", code(email)))
                        .send()
                        .status())
                .isEqualTo(204);
        Reply refreshed = api.post("/api/v1/auth/refresh")
                .header("X-Forwarded-For", later)
                .json(Map.of("refreshToken", unverified.refreshToken()))
                .send();
        Reply ordered = api.post("/api/v1/orders")
                .token(refreshed.json().at("/data/accessToken").asString())
                .json(ORDER)
                .send();
        assertThat(ordered.status()).isEqualTo(201);
    }

    @Test
    void displayNamesThatCouldInjectIntoEmailsAreRefused() {
        for (String name : new String[] {
            "Ada\r\nBcc: victim@example.com",
            "Ada\nSubject: You won",
            "Ada\rContent-Type: text/html",
            "Ada\u2028Click here",
            "Ada\u0000",
            "Ada\u202E",
            "Ada\u200B",
            "x".repeat(101),
            "\t"
        }) {
            Reply reply = register(address(), "inject-" + UUID.randomUUID() + "@example.com", name);
            assertThat(reply.status()).as(name).isEqualTo(400);
            assertThat(reply.json().at("/errors/0/field").asString())
                    .as(reply.body())
                    .isEqualTo("displayName");
        }
    }

    @Test
    void addressesThatCouldInjectHeadersAreRefused() {
        for (String email : new String[] {
            "a@example.com\r\nBcc: victim@example.com",
            "a@example.com\nCc: b@c.d",
            "\"a\r\nBcc: v@example.com\"@example.com",
            "a@example.com, victim@example.com",
            "Victim <victim@example.com>",
            "a@example.com%0d%0aBcc:victim@example.com"
        }) {
            Reply reply = register(address(), email, "Ada");
            assertThat(reply.status()).as(email).isEqualTo(400);
        }
    }

    @Test
    void theEmailsCarryNoTextTheRegistrantChose() {
        String email = "stranger-" + UUID.randomUUID() + "@example.com";
        String name = "<a href=\"https://evil.example/login\">Your bank: verify here</a> https://evil.example";
        assertThat(register(address(), email, name).status()).isEqualTo(201);
        api.post("/api/v1/auth/password-reset")
                .header("X-Forwarded-For", address())
                .json(Map.of("email", email))
                .send();

        List<String> bodies = TestSmtp.bodiesFor(email, 2);
        assertThat(bodies).hasSize(2);
        for (String body : bodies) {
            assertThat(body)
                    .doesNotContain("evil")
                    .doesNotContain("<a")
                    .doesNotContain("Your bank")
                    .doesNotContain("http");
        }
    }

    @Test
    void linksAndHostsFromTheRequestNeverReachAnEmail() {
        String email = "host-" + UUID.randomUUID() + "@example.com";
        Reply reply = api.post("/api/v1/auth/register")
                .header("X-Forwarded-For", address())
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "host=evil.example")
                .json(Map.of("email", email, "password", PASSWORD, "displayName", "Host"))
                .send();

        assertThat(reply.status()).isEqualTo(201);
        assertThat(TestSmtp.bodiesFor(email, 1).getFirst())
                .doesNotContain("evil")
                .doesNotContain("http");
    }

    private Reply register(String from, String email, String displayName) {
        return api.post("/api/v1/auth/register")
                .header("X-Forwarded-For", from)
                .json(Map.of("email", email, "password", PASSWORD, "displayName", displayName))
                .send();
    }

    private Reply login(String from, String email, String password) {
        return api.post("/api/v1/auth/login")
                .header("X-Forwarded-For", from)
                .json(Map.of("email", email, "password", password))
                .send();
    }

    private static String code(String email) {
        List<String> bodies = TestSmtp.bodiesFor(email, 1);
        Matcher m = CODE.matcher(bodies.getFirst().replace("\r", ""));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** A client address no other probe uses (a documentation range, RFC 5737). */
    private static String address() {
        int n = ADDRESSES.getAndIncrement();
        return "198.51.100." + (100 + n % 150);
    }
}
