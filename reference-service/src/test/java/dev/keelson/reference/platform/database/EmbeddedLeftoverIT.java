package dev.keelson.reference.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that ends without closing its context (killed, out of memory, an AOT training run) leaves its embedded
 * PostgreSQL running on the data folder. The next start must stop that leftover and start its own, not wait a minute
 * for the folder and fail; a server whose owner is alive must be left alone.
 */
class EmbeddedLeftoverIT {
    @TempDir
    Path dir;

    @Test
    void aServerLeftRunningByAnEarlierRunIsStoppedAndTheNextStartSucceeds() throws Exception {
        // a run that starts its embedded server and is then killed, as a deployment or an IDE may kill it
        Process run = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElseThrow(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledRun.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.equals(KilledRun.STARTED)) {
            // the embedded server's own log
        }
        assertThat(line).as("the run's embedded server started").isEqualTo(KilledRun.STARTED);
        run.destroyForcibly().waitFor();
        ProcessHandle leftover = server();
        assertThat(leftover.isAlive()).isTrue();

        long started = System.nanoTime();
        try (EmbeddedPostgres next = EmbeddedDatabaseConfiguration.start(dir);
                Connection connection = next.getPostgresDatabase().getConnection()) {
            assertThat(connection.isValid(5)).isTrue();
            assertThat(leftover.isAlive()).as("the leftover server").isFalse();
            assertThat(server().pid()).isNotEqualTo(leftover.pid());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("no wait for the folder")
                .isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aServerWhoseOwnerIsAliveIsLeftAlone() throws Exception {
        try (EmbeddedPostgres owner = start()) {
            ProcessHandle server = server();
            EmbeddedDatabaseConfiguration.stopLeftover(dir, Duration.ofSeconds(5));
            assertThat(server.isAlive()).isTrue();
            try (Connection connection = owner.getPostgresDatabase().getConnection()) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    /** Starts an embedded server on the folder named by its argument, says so, and waits to be killed. */
    public static final class KilledRun {
        static final String STARTED = "embedded server started";

        public static void main(String[] args) throws Exception {
            EmbeddedPostgres.builder()
                    .setDataDirectory(Path.of(args[0]))
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .start();
            System.out.println(STARTED);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start();
    }

    /** The server running on {@code dir}, from its {@code postmaster.pid}. */
    private ProcessHandle server() throws IOException {
        long pid = Long.parseLong(
                Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
        return ProcessHandle.of(pid).orElseThrow();
    }
}
