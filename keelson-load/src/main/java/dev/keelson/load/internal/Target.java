package dev.keelson.load.internal;

import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;

/** Parses and checks target URLs: http or https, with a host. */
public final class Target {
    private Target() {}

    /** Parses {@code url}; a {@link LoadException} with {@link LoadErrorCode#BAD_URL} says what is wrong. */
    public static URI parse(String url) {
        if (url == null || url.isBlank()) throw new LoadException(LoadErrorCode.BAD_URL, "no target URL given");
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new LoadException(LoadErrorCode.BAD_URL, "URL '" + url + "' does not parse: " + e.getReason());
        }
        if (uri.getScheme() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new LoadException(LoadErrorCode.BAD_URL, "URL '" + url + "' must start with http:// or https://");
        }
        if (uri.getHost() == null) {
            throw new LoadException(LoadErrorCode.BAD_URL, "URL '" + url + "' has no host");
        }
        return uri;
    }

    /** The port of {@code uri}, defaulting by scheme. */
    public static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : (isTls(uri) ? 443 : 80);
    }

    /**
     * {@code parameters} naming the target's host for SNI. The JDK sends SNI only for names with a dot, so
     * {@code localhost} and other single-label names would go without; IP addresses never carry SNI (RFC 6066).
     */
    static SSLParameters withServerName(SSLParameters parameters, URI target) {
        String host = target.getHost();
        boolean ip = host.startsWith("[") || host.matches("[0-9.]+");
        if (!ip) parameters.setServerNames(List.of(new SNIHostName(host)));
        return parameters;
    }

    public static boolean isTls(URI uri) {
        return "https".equals(uri.getScheme());
    }
}
