package dev.keelson.load.internal;

import dev.keelson.load.ErrorKind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import javax.net.ssl.SSLException;

/** Maps a transport failure to the kind counted in the result. */
final class ErrorClassifier {
    private ErrorClassifier() {}

    static ErrorKind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SSLException) return ErrorKind.TLS;
            if (t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof io.netty.channel.ConnectTimeoutException) {
                return ErrorKind.CONNECT;
            }
        }
        return failure instanceof IOException ? ErrorKind.RESET : ErrorKind.BAD_RESPONSE;
    }
}
