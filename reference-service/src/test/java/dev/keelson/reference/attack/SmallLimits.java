package dev.keelson.reference.attack;

import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.FreshDatabaseInitializer;
import dev.keelson.reference.testing.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The context of the OWASP API4:2023 tests: small limits (sign-in bucket {@value #AUTH_CAPACITY} per hour), the
 * test client (127.0.0.1) trusted as a proxy so each test picks its client address with {@code X-Forwarded-For}, a
 * short connection timeout. One context, cached, for every test class that extends it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "reference.rate-limit.auth.capacity=" + SmallLimits.AUTH_CAPACITY,
            "reference.rate-limit.auth.period=1h",
            "reference.rate-limit.api.capacity=" + SmallLimits.API_CAPACITY,
            "reference.rate-limit.api.period=1h",
            "server.tomcat.connection-timeout=2s",
            "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1"
        })
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
abstract class SmallLimits {
    static final int AUTH_CAPACITY = 5;
    static final int API_CAPACITY = 10_000;

    @LocalServerPort
    int port;

    RawHttp raw;
    Api api;

    @BeforeEach
    void connect() {
        raw = new RawHttp(port);
        api = new Api(port);
    }

    /** A client address of its own ({@code X-Forwarded-For}), so no other test's bucket is touched. */
    static String newAddress() {
        return "198.18." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
    }
}
