package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with real verification: a test certificate authority made with the JDK's keytool, a leaf for localhost. */
@Timeout(60)
class TlsIT {
    private static SSLContext serverContext;
    private static Path caPem;

    @BeforeAll
    static void certificateAuthorityAndLeafForLocalhost(@TempDir Path dir) throws Exception {
        TestAuthority authority = TestAuthority.create(dir);
        serverContext = authority.serverContext();
        caPem = authority.caPem();
    }

    @Test
    void aCertificateFromATrustedAuthorityIsVerifiedAndTheHostNameSentBySni() throws Exception {
        Set<String> serverNames = ConcurrentHashMap.newKeySet();
        try (TargetServer server = TargetServer.https(serverContext, serverNames)) {
            LoadResult result = LoadTest.configure()
                    .url(server.url("localhost", "/json"))
                    .trustedCertificates(caPem)
                    .users(4)
                    .requests(200)
                    .build()
                    .run();

            assertThat(result.statusCodes()).containsExactly(Map.entry(200, 200L));
            assertThat(result.errors()).isZero();
            assertThat(serverNames).containsExactly("localhost");
        }
    }

    @Test
    void aCertificateForAnotherHostNameIsRefusedBeforeAnyLoad() throws Exception {
        try (TargetServer server = TargetServer.https(serverContext)) {
            LoadTest test = LoadTest.configure()
                    .url(server.url("/json"))
                    .trustedCertificates(caPem)
                    .requests(10)
                    .build();

            assertThatThrownBy(test::run).isInstanceOfSatisfying(LoadException.class, e -> {
                assertThat(e.code()).isEqualTo(LoadErrorCode.TLS_FAILED);
                assertThat(e.getMessage())
                        .contains("127.0.0.1")
                        .contains("--cacert")
                        .contains("--insecure");
            });
            assertThat(server.requests.get()).isZero();
        }
    }

    @Test
    void anUntrustedAuthorityFailsBeforeAnyLoad() throws Exception {
        try (TargetServer server = TargetServer.https(serverContext)) {
            LoadTest test = LoadTest.configure()
                    .url(server.url("localhost", "/json"))
                    .users(4)
                    .requests(200)
                    .build();

            assertThatThrownBy(test::run)
                    .isInstanceOfSatisfying(
                            LoadException.class, e -> assertThat(e.code()).isEqualTo(LoadErrorCode.TLS_FAILED));
            assertThat(server.requests.get()).isZero();
        }
    }

    @Test
    void insecureAcceptsAnyCertificateForAnyHostName() throws Exception {
        try (TargetServer server = TargetServer.https(serverContext)) {
            LoadResult result = LoadTest.configure()
                    .url(server.url("/json"))
                    .insecure(true)
                    .users(4)
                    .requests(200)
                    .build()
                    .run();

            assertThat(result.requests()).isEqualTo(200);
            assertThat(result.errors()).isZero();
            assertThat(result.target()).startsWith("https://");
        }
    }

    @Test
    void handshakeFailuresDuringTheRunCountTowardTheRequestBudget() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> handshakeOnlyTheProbe(listener, connections));
            LoadResult result = LoadTest.configure()
                    .url("https://localhost:" + listener.getLocalPort() + "/")
                    .trustedCertificates(caPem)
                    .users(2)
                    .requests(20)
                    .build()
                    .run();

            assertThat(result.errorKinds()).containsExactly(Map.entry(ErrorKind.TLS, 20L));
            assertThat(connections.get()).isGreaterThanOrEqualTo(21);
        }
    }

    /** Completes the first handshake (the probe's), then answers every later connection with plain text. */
    private static void handshakeOnlyTheProbe(ServerSocket listener, AtomicInteger connections) {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                if (connections.getAndIncrement() == 0) {
                    SSLSocket tls = (SSLSocket) serverContext.getSocketFactory().createSocket(socket, null, true);
                    tls.setUseClientMode(false);
                    tls.startHandshake();
                    tls.close();
                } else {
                    OutputStream out = socket.getOutputStream();
                    out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
            } catch (IOException e) {
                if (listener.isClosed()) return;
            }
        }
    }
}
