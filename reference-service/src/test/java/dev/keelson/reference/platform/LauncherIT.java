package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./keelson reference-service}, the start command the README gives: it starts the service from the extracted
 * jar, making the JDK AOT cache on the first start after a build (JDK 25+), and a later start uses that cache
 * without making it again. Run as a user runs it, from a folder of its own (where the data folder goes), with the
 * JDK these tests run on.
 */
class LauncherIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path CACHE = ROOT.resolve("reference-service/target/app/app.aot");

    @TempDir
    Path dir;

    @Test
    void theLauncherStartsTheServiceAndMakesItsAotCacheOnce() throws Exception {
        Files.deleteIfExists(CACHE); // as after a build
        String first = startReadyAndStop();
        boolean aot = Runtime.version().feature() >= 25;
        if (aot) {
            assertThat(first).contains("making the reference service's AOT cache");
            assertThat(CACHE).as("the AOT cache").isNotEmptyFile();
        }

        Instant cacheMade = aot ? Files.getLastModifiedTime(CACHE).toInstant() : Instant.EPOCH;
        String second = startReadyAndStop();

        assertThat(second)
                .as("the second start")
                .doesNotContain("making the reference service's AOT cache")
                .doesNotContain("building the reference service")
                .contains("Started ReferenceApplication");
        if (aot) {
            assertThat(Files.getLastModifiedTime(CACHE).toInstant())
                    .as("the cache is kept")
                    .isEqualTo(cacheMade);
        }
        assertThat(first + second)
                .as("the JVM's own AOT warnings stay out of the JSON log")
                .doesNotContain("[warning][aot")
                .doesNotContain("[error][aot");
        assertThat(dir.resolve(".data/postgres"))
                .as("the data folder, where it was started")
                .isDirectory();
    }

    /** Starts the service with the launcher, waits until it is ready, stops it; returns what it printed. */
    private String startReadyAndStop() throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile(dir, "launcher", ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        ROOT.resolve("keelson").toString(), "reference-service", "--server.port=" + port)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("SPRING_DATASOURCE_URL");
        Process process = builder.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .build();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            int status = 0;
            while (status != 200 && process.isAlive() && System.nanoTime() < deadline) {
                try {
                    status = client.send(ready, HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(status)
                    .as("/health/ready; the launcher printed:%n%s", Files.readString(log))
                    .isEqualTo(200);
        } finally {
            process.destroy(); // the launcher execs java, so this is SIGTERM to the service: a graceful stop
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
        }
        return Files.readString(log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
