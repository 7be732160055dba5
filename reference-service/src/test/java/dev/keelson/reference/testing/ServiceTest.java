package dev.keelson.reference.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Base of the integration tests: the whole service on a random port over a fresh database, called over real HTTP.
 * Every subclass shares one Spring context (and so one database).
 * Tests isolate their data by their own rows (with sign-in: their own users, hundreds, from one address).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1", // the trusted proxy of SecurityHeadersIT
            "reference.rate-limit.auth.capacity=1000000",
            "reference.rate-limit.api.capacity=1000000",
            "reference.http.cors.allowed-origins=https://app.example.com"
        })
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
public abstract class ServiceTest {
    @LocalServerPort
    private int port;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }
}
