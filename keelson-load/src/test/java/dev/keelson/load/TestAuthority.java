package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A test certificate authority made with the JDK's keytool and a leaf certificate for {@code localhost} it signed.
 *
 * @param caPem         the authority's certificate, PEM
 * @param keys          the leaf's key and chain, for a server
 * @param serverContext a TLS context serving the leaf
 */
record TestAuthority(Path caPem, KeyManagerFactory keys, SSLContext serverContext) {
    /** Makes the authority and the leaf in {@code dir}. */
    static TestAuthority create(Path dir) throws Exception {
        String ca = dir.resolve("ca.p12").toString(),
                server = dir.resolve("server.p12").toString();
        Path caPem = dir.resolve("ca.pem");
        keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=Keelson Test CA",
                "-ext",
                "bc:c",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                ca,
                "-storepass",
                "changeit");
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                ca,
                "-storepass",
                "changeit",
                "-file",
                caPem.toString());
        keytool(
                "-genkeypair",
                "-alias",
                "leaf",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                server,
                "-storepass",
                "changeit");
        String csr = dir.resolve("leaf.csr").toString(),
                leaf = dir.resolve("leaf.pem").toString();
        keytool("-certreq", "-alias", "leaf", "-keystore", server, "-storepass", "changeit", "-file", csr);
        keytool(
                "-gencert",
                "-alias",
                "ca",
                "-keystore",
                ca,
                "-storepass",
                "changeit",
                "-infile",
                csr,
                "-outfile",
                leaf,
                "-rfc",
                "-ext",
                "SAN=dns:localhost",
                "-validity",
                "2");
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-file",
                caPem.toString(),
                "-keystore",
                server,
                "-storepass",
                "changeit");
        keytool("-importcert", "-alias", "leaf", "-file", leaf, "-keystore", server, "-storepass", "changeit");
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(server))) {
            keyStore.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, "changeit".toCharArray());
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
        return new TestAuthority(caPem, keys, serverContext);
    }

    private static void keytool(String... args) throws Exception {
        var command = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(java.util.List.of(args));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
    }
}
