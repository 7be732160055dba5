package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.ServiceTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * HSTS is sent only over TLS: on a TLS connector ({@code HardenedDeploymentIT}), or when a trusted proxy
 * ({@code server.tomcat.remoteip.internal-proxies}, here 127.0.0.1 only) says the client used HTTPS. Requests are
 * written on raw sockets so the test controls the client address: 127.0.0.2 is an untrusted peer.
 */
class SecurityHeadersIT extends ServiceTest {
    private static final String HSTS = "strict-transport-security:";

    @LocalServerPort
    private int port;

    @Test
    void plainHttpGetsNoHsts() throws IOException {
        assertThat(get("127.0.0.1", "")).doesNotContainIgnoringCase(HSTS).contains("X-Content-Type-Options: nosniff");
    }

    @Test
    void httpsForwardedByATrustedProxyGetsHsts() throws IOException {
        String response = get("127.0.0.1", "X-Forwarded-Proto: https\r\n");

        assertThat(response).startsWith("HTTP/1.1 200").containsIgnoringCase(HSTS + " max-age=31536000");
    }

    @Test
    void httpsClaimedByAnUntrustedPeerIsIgnored() throws IOException {
        String response = get("127.0.0.2", "X-Forwarded-Proto: https\r\n");

        assertThat(response).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase(HSTS);
    }

    @Test
    void apiResponsesForbidFramingSniffingAndReferrers() throws IOException {
        assertThat(get("127.0.0.1", ""))
                .contains("Content-Security-Policy: default-src 'none'; frame-ancestors 'none'")
                .contains("Referrer-Policy: no-referrer")
                .contains("X-Frame-Options: DENY");
    }

    /** {@code GET /health/live} sent from {@code fromAddress}; the whole response. */
    private String get(String fromAddress, String extraHeaders) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(fromAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + extraHeaders + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
