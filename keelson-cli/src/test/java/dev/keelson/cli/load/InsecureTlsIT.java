package dev.keelson.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.Keelson;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --insecure} against an https server with a self-signed certificate made at test time. */
class InsecureTlsIT {
    @TempDir
    Path dir;

    @Test
    void aSelfSignedServerNeedsInsecure() throws Exception {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/";
            StringWriter err = new StringWriter();
            // a handshake that fails is a server that cannot be used: the operation failed (1), as in keelson db
            assertThat(run(err, "load", url, "-n", "20")).isEqualTo(1);
            assertThat(err.toString())
                    .startsWith("error [TLS_FAILED]: TLS handshake with 127.0.0.1:")
                    .contains("give the certificate authority with --cacert FILE, or use --insecure");
            StringWriter missing = new StringWriter();
            assertThat(run(missing, "load", url, "-n", "20", "--cacert", "nope.pem"))
                    .isEqualTo(2);
            assertThat(missing.toString())
                    .startsWith("error [BAD_CONFIG]: --cacert nope.pem: ")
                    .contains("does not exist");

            StringWriter out = new StringWriter();
            assertThat(run(new StringWriter(), out, "load", url, "-n", "20", "--insecure"))
                    .isZero();
            assertThat(out.toString()).contains("  status       204: 20");
        } finally {
            server.stop(0);
        }
    }

    private int run(StringWriter err, String... args) {
        return run(err, new StringWriter(), args);
    }

    private int run(StringWriter err, StringWriter out, String... args) {
        return Keelson.run(args, new CliEnvironment(new PrintWriter(out), new PrintWriter(err), Map.of(), dir, false));
    }

    private SSLContext selfSigned() throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "target",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=localhost",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
