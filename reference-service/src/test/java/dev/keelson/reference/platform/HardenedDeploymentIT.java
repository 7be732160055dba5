package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.platform.database.StatementTimeout;
import dev.keelson.reference.platform.errors.ErrorCode;
import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.FreshDatabaseInitializer;
import dev.keelson.reference.testing.TestTls;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.net.ssl.SSLSocket;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service as deployed with a TLS connector and short timeouts (its own instance): HSTS on every response, a slow
 * statement cancelled by the database with a problem document, a client that stops sending disconnected.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "reference.database.statement-timeout=1s",
            "server.tomcat.connection-timeout=2s",
            "server.ssl.key-store-type=PKCS12",
            "server.ssl.key-alias=" + TestTls.ALIAS,
            "server.ssl.key-store-password=" + TestTls.PASSWORD
        })
@ContextConfiguration(initializers = FreshDatabaseInitializer.class)
class HardenedDeploymentIT {
    private static final TestTls TLS = TestTls.create();

    @LocalServerPort
    private int port;

    @Autowired
    private DataSource dataSource;

    private Api api;

    @DynamicPropertySource
    static void keyStore(DynamicPropertyRegistry registry) {
        registry.add("server.ssl.key-store", () -> TLS.keyStore().toUri().toString());
    }

    @BeforeEach
    void connect() {
        api = new Api("https://127.0.0.1:" + port, HttpClient.newBuilder().sslContext(TLS.clientContext()));
    }

    @Test
    void overTlsEveryResponseCarriesHsts() {
        Reply reply = api.get("/health/live").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Strict-Transport-Security")).startsWith("max-age=31536000");
    }

    @Test
    void aStatementPastTheTimeoutIsCancelledWithAProblemDocument() {
        Session user = api.newUser();
        Reply quick = api.get("/api/v1/test/slow-query?seconds=0.01")
                .token(user.accessToken())
                .send();
        Reply slow = api.get("/api/v1/test/slow-query?seconds=30")
                .token(user.accessToken())
                .send();

        assertThat(quick.status()).isEqualTo(200);
        assertThat(slow.status()).as(slow.body()).isEqualTo(503);
        assertThat(slow.header("Content-Type")).startsWith("application/problem+json");
        assertThat(slow.json().get("type").asString()).isEqualTo(ErrorCode.TIMEOUT.type());
        assertThat(slow.json().get("requestId").asString()).isEqualTo(slow.header("X-Request-Id"));
        assertThat(slow.body())
                .doesNotContain("57014")
                .doesNotContain("pg_sleep")
                .doesNotContain("Exception");
    }

    @Test
    void migrationsRunWithoutTheStatementTimeoutOfRequests() throws SQLException {
        assertThat(statementTimeout(dataSource)).isEqualTo("1s");
        assertThat(statementTimeout(StatementTimeout.withoutTimeout(dataSource)))
                .isEqualTo("0");
    }

    @Test
    void aClientThatStopsSendingMidRequestIsDisconnected() throws IOException {
        try (SSLSocket socket =
                (SSLSocket) TLS.clientContext().getSocketFactory().createSocket("127.0.0.1", port)) {
            // far longer than server.tomcat.connection-timeout (2s), far shorter than the 10s default
            socket.setSoTimeout(8_000);
            socket.startHandshake();
            socket.getOutputStream()
                    .write("GET /health/live HTTP/1.1\r\nHost: localhost\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1)); // and never the empty line that ends the headers
            socket.getOutputStream().flush();

            assertThat(readUntilClosed(socket.getInputStream())).doesNotContain("200");
        }
    }

    /** What the server sent before closing; a read timeout here fails the test: the server kept waiting. */
    private static String readUntilClosed(InputStream in) throws IOException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException stillOpen) {
            throw stillOpen;
        } catch (IOException closedWithoutGoodbye) {
            return "";
        }
    }

    private static String statementTimeout(DataSource source) throws SQLException {
        try (Connection c = source.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
