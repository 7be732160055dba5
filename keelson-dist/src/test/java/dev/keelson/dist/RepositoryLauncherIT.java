package dev.keelson.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contributor's launcher, {@code ./keelson} of the clone: it works when symlinked onto the PATH, and runs
 * {@code load} with an AOT cache of its own on JDK 25+.
 */
class RepositoryLauncherIT {
    @TempDir
    Path dir;

    @Test
    void aSymlinkToTheClonesLauncherFindsTheClone() throws Exception {
        Path clone = Path.of(System.getProperty("user.dir")).getParent();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("keelson"), clone.resolve("keelson"));
        Path out = dir.resolve("out.txt");

        Process process = new ProcessBuilder(bin.resolve("keelson").toString(), "--version")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();

        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(out)).isZero();
        assertThat(Files.readString(out)).contains("keelson " + System.getProperty("keelson.version"));
    }

    @Test
    void loadMakesItsOwnAotCacheAndRunsWithIt() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25");
        Path clone = Path.of(System.getProperty("user.dir")).getParent();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        server.start();
        Path out = dir.resolve("out.txt");
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/ping";
            ProcessBuilder builder = new ProcessBuilder(clone.resolve("keelson").toString(), "load", url, "-n", "20")
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            // AOTMode=on: the JVM refuses to start when the cache it is given cannot be used
            builder.environment().put("KEELSON_JAVA_OPTS", "-XX:AOTMode=on");
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();

            assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as(Files.readString(out)).isZero();
        } finally {
            server.stop(0);
        }
        assertThat(Files.readString(out)).contains("status       200: 20");
        assertThat(clone.resolve("keelson-cli/target/keelson-load.aot")).isNotEmptyFile();
    }
}
