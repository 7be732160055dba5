package dev.keelson.load.internal;

import dev.keelson.load.ErrorCode;
import dev.keelson.load.LoadException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** Checks, before any load, that the target resolves, accepts a connection and (https) completes a handshake. */
final class Probe {
    private Probe() {}

    /** Returns the resolved address; throws a usage-class {@link LoadException} naming what is wrong. */
    static InetSocketAddress check(URI target, TrustManagerFactory trust, boolean insecure, int timeoutMillis) {
        InetSocketAddress address = resolve(target);
        try (Socket socket = new Socket()) {
            socket.connect(address, timeoutMillis);
            if (Target.isTls(target)) handshake(socket, target, trust, insecure, timeoutMillis);
        } catch (ConnectException | SocketTimeoutException e) {
            throw new LoadException(
                    ErrorCode.CONNECTION_REFUSED,
                    "cannot connect to " + target.getHost() + ":" + address.getPort() + " (" + e.getMessage()
                            + "): is the server running?",
                    e);
        } catch (SSLException e) {
            throw new LoadException(
                    ErrorCode.TLS_FAILED,
                    "TLS handshake with " + target.getHost() + ":"
                            + address.getPort() + " failed (" + e.getMessage() + ")"
                            + (insecure
                                    ? ""
                                    : "; give the certificate authority with --cacert FILE, or use --insecure to accept any"
                                            + " certificate"),
                    e);
        } catch (IOException e) {
            throw new LoadException(
                    ErrorCode.CONNECTION_REFUSED,
                    "cannot connect to " + target.getHost() + ":" + address.getPort() + ": " + e.getMessage(),
                    e);
        }
        return address;
    }

    private static InetSocketAddress resolve(URI target) {
        try {
            return new InetSocketAddress(InetAddress.getByName(target.getHost()), Target.port(target));
        } catch (UnknownHostException e) {
            throw new LoadException(ErrorCode.UNKNOWN_HOST, "unknown host '" + target.getHost() + "' in " + target, e);
        }
    }

    /** The same checks as the run's: the trusted authorities and, unless insecure, the host name; SNI is sent. */
    private static void handshake(
            Socket socket, URI target, TrustManagerFactory trust, boolean insecure, int timeoutMillis)
            throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust == null ? null : trust.getTrustManagers(), null);
            socket.setSoTimeout(timeoutMillis);
            try (SSLSocket tls = (SSLSocket)
                    context.getSocketFactory().createSocket(socket, target.getHost(), Target.port(target), false)) {
                SSLParameters parameters = Target.withServerName(tls.getSSLParameters(), target);
                if (!insecure) parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
                tls.startHandshake();
            }
        } catch (GeneralSecurityException e) {
            throw new SSLException(e.getMessage(), e);
        }
    }
}
