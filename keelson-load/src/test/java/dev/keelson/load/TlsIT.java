package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsIT {
    private static SSLContext serverContext;

    /** A self-signed certificate made now with the JDK's keytool. */
    @BeforeAll
    static void selfSignedCertificate(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "target", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, "changeit".toCharArray());
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
    }

    @Test
    void insecureAcceptsASelfSignedCertificateAndLoadsOverTls() throws Exception {
        try (TargetServer server = TargetServer.https(serverContext)) {
            LoadResult result = LoadTest.configure().url(server.url("/json")).insecure(true).users(4).requests(200)
                    .build().run();

            assertThat(result.requests()).isEqualTo(200);
            assertThat(result.errors()).isZero();
            assertThat(result.target()).startsWith("https://");
        }
    }

    @Test
    void aSelfSignedCertificateWithoutInsecureFailsBeforeAnyLoad() throws Exception {
        try (TargetServer server = TargetServer.https(serverContext)) {
            LoadTest test = LoadTest.configure().url(server.url("/json")).users(4).requests(200).build();

            assertThatThrownBy(test::run).isInstanceOfSatisfying(LoadException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.TLS_FAILED);
                assertThat(e.getMessage()).contains("--insecure");
            });
            assertThat(server.requests.get()).isZero();
        }
    }
}
