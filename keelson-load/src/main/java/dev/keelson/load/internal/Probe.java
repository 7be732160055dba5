package dev.keelson.load.internal;

import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import dev.keelson.load.Protocol;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Checks, before any load, that the target resolves, accepts a connection and (https) completes a handshake; for
 * HTTP/2, that the server agrees to {@code h2} by ALPN, or over plain TCP answers the connection preface with
 * SETTINGS (prior knowledge).
 */
final class Probe {
    private Probe() {}

    /** Returns the resolved address; throws a usage-class {@link LoadException} naming what is wrong. */
    static InetSocketAddress check(
            URI target, TrustManagerFactory trust, boolean insecure, int timeoutMillis, Protocol protocol) {
        InetSocketAddress address = resolve(target);
        boolean h2 = protocol == Protocol.HTTP_2;
        try (Socket socket = new Socket()) {
            socket.connect(address, timeoutMillis);
            if (Target.isTls(target)) {
                handshake(socket, target, trust, insecure, timeoutMillis, h2);
            } else if (h2) {
                priorKnowledge(socket, target, address, timeoutMillis);
            }
        } catch (ConnectException | SocketTimeoutException e) {
            throw new LoadException(
                    LoadErrorCode.CONNECTION_REFUSED,
                    "cannot connect to " + target.getHost() + ":" + address.getPort() + " (" + e.getMessage()
                            + "): is the server running?",
                    e);
        } catch (SSLException e) {
            throw new LoadException(
                    LoadErrorCode.TLS_FAILED,
                    "TLS handshake with " + target.getHost() + ":"
                            + address.getPort() + " failed (" + e.getMessage() + ")"
                            + (insecure
                                    ? ""
                                    : "; give the certificate authority with --cacert FILE, or use --insecure to accept any"
                                            + " certificate"),
                    e);
        } catch (IOException e) {
            throw new LoadException(
                    LoadErrorCode.CONNECTION_REFUSED,
                    "cannot connect to " + target.getHost() + ":" + address.getPort() + ": " + e.getMessage(),
                    e);
        }
        return address;
    }

    /**
     * Sends the HTTP/2 connection preface and an empty SETTINGS frame; an HTTP/2 server answers with its own SETTINGS
     * frame (type 4 in the fourth byte of the frame header), an HTTP/1.1 server with a 400 or by closing.
     */
    private static void priorKnowledge(Socket socket, URI target, InetSocketAddress address, int timeoutMillis)
            throws IOException {
        socket.setSoTimeout(timeoutMillis);
        OutputStream out = socket.getOutputStream();
        out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0});
        out.flush();
        byte[] header = socket.getInputStream().readNBytes(9);
        if (header.length < 9 || header[3] != 4) {
            throw new LoadException(
                    LoadErrorCode.PROTOCOL_REFUSED,
                    target.getHost() + ":" + address.getPort() + " does not speak HTTP/2 over plain TCP (h2c with prior"
                            + " knowledge): it answered the HTTP/2 preface with "
                            + (header.length == 0 ? "nothing" : "'" + printable(header) + "'")
                            + "; use https:// for h2 over TLS, enable h2c on the server, or leave out --http2");
        }
    }

    private static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) text.append(b >= 32 && b < 127 ? (char) b : '.');
        return text.toString();
    }

    private static InetSocketAddress resolve(URI target) {
        try {
            return new InetSocketAddress(InetAddress.getByName(target.getHost()), Target.port(target));
        } catch (UnknownHostException e) {
            throw new LoadException(
                    LoadErrorCode.UNKNOWN_HOST, "unknown host '" + target.getHost() + "' in " + target, e);
        }
    }

    /** The same checks as the run's: the trusted authorities and, unless insecure, the host name; SNI is sent. */
    private static void handshake(
            Socket socket, URI target, TrustManagerFactory trust, boolean insecure, int timeoutMillis, boolean h2)
            throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust == null ? null : trust.getTrustManagers(), null);
            socket.setSoTimeout(timeoutMillis);
            try (SSLSocket tls = (SSLSocket)
                    context.getSocketFactory().createSocket(socket, target.getHost(), Target.port(target), false)) {
                SSLParameters parameters = Target.withServerName(tls.getSSLParameters(), target);
                if (!insecure) parameters.setEndpointIdentificationAlgorithm("HTTPS");
                parameters.setApplicationProtocols(new String[] {h2 ? "h2" : "http/1.1"});
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                String agreed = tls.getApplicationProtocol();
                if (h2 && !"h2".equals(agreed)) {
                    throw new LoadException(
                            LoadErrorCode.PROTOCOL_REFUSED,
                            target.getHost() + ":" + Target.port(target)
                                    + " did not agree to HTTP/2: ALPN offered h2, it "
                                    + (agreed == null || agreed.isEmpty() ? "chose none" : "chose " + agreed)
                                    + "; enable HTTP/2 on the server, or leave out --http2");
                }
            }
        } catch (GeneralSecurityException e) {
            throw new SSLException(e.getMessage(), e);
        }
    }
}
