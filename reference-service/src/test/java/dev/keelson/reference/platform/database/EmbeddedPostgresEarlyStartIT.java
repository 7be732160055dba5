package dev.keelson.reference.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.reference.ReferenceApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With no {@code spring.datasource.url}, the embedded PostgreSQL starts on a thread of its own while Spring Boot
 * prepares the context, and the context takes that server. Whatever happens, no server is left running on the data
 * folder: not when the start-up fails before taking it, not when the context was made for another folder. Each case
 * starts the real application in this JVM on a data folder of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedPostgresEarlyStartIT {
    @TempDir
    Path dir;

    @Test
    void theContextTakesTheServerStartedWhileItWasPrepared() throws IOException {
        ProcessHandle server;
        try (ConfigurableApplicationContext context = start("--server.port=0")) {
            Object early = context.getBeanFactory().getSingleton(EmbeddedPostgresEarlyStart.Pending.class.getName());
            assertThat(early).as("a server started early").isInstanceOf(EmbeddedPostgresEarlyStart.Pending.class);
            assertThatThrownBy(() -> ((EmbeddedPostgresEarlyStart.Pending) early).claim(folder()))
                    .as("taken by the context")
                    .hasMessageContaining("claimed already");
            assertThat(context.getBean(EmbeddedPostgres.class).getPort()).isPositive();
            assertThat(context.getBean(JdbcClient.class)
                            .sql("SELECT count(*) FROM orders")
                            .query(Long.class)
                            .single())
                    .as("migrated")
                    .isZero();
            server = serverOn(dir).orElseThrow();
        }
        assertThat(server.onExit()).as("stopped with the context").succeedsWithin(Duration.ofSeconds(10));
    }

    @Test
    void aStartUpThatFailsBeforeTakingTheServerStopsIt(CapturedOutput output) {
        // the port binds when the web server is made, before the filters that need the database
        assertThatThrownBy(() -> start("--server.port=abc")).hasStackTraceContaining("server.port");

        assertThat(output.getAll()).as("the server had started").contains("Embedded PostgreSQL on port");
        assertThat(serverOn(dir)).as("no server left on " + dir).isEmpty();
    }

    @Test
    void aServerStartedForAnotherFolderIsStoppedAndNotTaken() throws IOException {
        EmbeddedPostgresEarlyStart.Pending pending = new EmbeddedPostgresEarlyStart.Pending(folder());

        assertThat(pending.claim(dir.resolve("elsewhere"))).isEmpty();

        assertThat(serverOn(dir)).isEmpty();
    }

    @Test
    void aStartThatFailedIsReportedToWhoeverTakesIt() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "");
        EmbeddedPostgresEarlyStart.Pending pending = new EmbeddedPostgresEarlyStart.Pending(file);

        assertThatThrownBy(() -> pending.claim(file)).isInstanceOf(FileAlreadyExistsException.class);
    }

    private ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(ReferenceApplication.class)
                .properties("spring.main.register-shutdown-hook=false")
                .run(Stream.concat(Stream.of("--reference.database.embedded-dir=" + dir), Stream.of(args))
                        .toArray(String[]::new));
    }

    /** The data folder as the service names it: absolute and normalised. */
    private Path folder() {
        return dir.toAbsolutePath().normalize();
    }

    /** The live PostgreSQL serving {@code dir}, from its {@code postmaster.pid}, if any. */
    private Optional<ProcessHandle> serverOn(Path dir) {
        try {
            long pid = Long.parseLong(
                    Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException e) {
            return Optional.empty(); // no pid file: PostgreSQL removes it when it stops
        }
    }
}
