package dev.keelson.load.internal;

import dev.keelson.load.ErrorCode;
import dev.keelson.load.LoadException;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
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
import javax.net.ssl.SSLSocket;

/** Checks, before any load, that the target resolves, accepts a connection and (https) completes a handshake. */
final class Probe {
    private Probe() {}

    /** Returns the resolved address; throws a usage-class {@link LoadException} naming what is wrong. */
    static InetSocketAddress check(URI target, boolean insecure, int timeoutMillis) {
        InetSocketAddress address = resolve(target);
        try (Socket socket = new Socket()) {
            socket.connect(address, timeoutMillis);
            if (Target.isTls(target)) handshake(socket, target, insecure, timeoutMillis);
        } catch (ConnectException | SocketTimeoutException e) {
            throw new LoadException(ErrorCode.CONNECTION_REFUSED, "cannot connect to " + target.getHost() + ":"
                    + address.getPort() + " (" + e.getMessage() + "): is the server running?", e);
        } catch (SSLException e) {
            throw new LoadException(ErrorCode.TLS_FAILED, "TLS handshake with " + target.getHost() + ":"
                    + address.getPort() + " failed (" + e.getMessage() + ")"
                    + (insecure ? "" : "; use --insecure to accept a self-signed certificate"), e);
        } catch (IOException e) {
            throw new LoadException(ErrorCode.CONNECTION_REFUSED,
                    "cannot connect to " + target.getHost() + ":" + address.getPort() + ": " + e.getMessage(), e);
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

    private static void handshake(Socket socket, URI target, boolean insecure, int timeoutMillis) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, insecure ? InsecureTrustManagerFactory.INSTANCE.getTrustManagers() : null, null);
            socket.setSoTimeout(timeoutMillis);
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory()
                    .createSocket(socket, target.getHost(), Target.port(target), false)) {
                tls.startHandshake();
            }
        } catch (GeneralSecurityException e) {
            throw new SSLException(e.getMessage(), e);
        }
    }
}
