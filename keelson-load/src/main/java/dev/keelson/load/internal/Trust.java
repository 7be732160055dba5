package dev.keelson.load.internal;

import dev.keelson.load.LoadConfig;
import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManagerFactory;

/**
 * Which certificates a run trusts: the JDK's default authorities, the ones in a PEM file ({@code --cacert}), or
 * any at all ({@code --insecure}, which also skips the host-name check). The probe and the engine use the same.
 */
final class Trust {
    private Trust() {}

    /** The trust managers for {@code config}, or {@code null} for the JDK's defaults. */
    static TrustManagerFactory factory(LoadConfig config) {
        if (config.insecure()) return InsecureTrustManagerFactory.INSTANCE;
        if (config.trustedCertificates() == null) return null;
        return fromPem(config.trustedCertificates());
    }

    private static TrustManagerFactory fromPem(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) throw new GeneralSecurityException("no certificate in the file");
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) store.setCertificateEntry("ca-" + n++, certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            throw new LoadException(
                    LoadErrorCode.BAD_CONFIG,
                    "CA certificates " + file + " cannot be read as PEM X.509 certificates: " + e.getMessage(),
                    e);
        }
    }
}
