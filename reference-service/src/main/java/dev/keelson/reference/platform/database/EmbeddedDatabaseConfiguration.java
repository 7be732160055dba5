package dev.keelson.reference.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The zero-configuration database: an embedded PostgreSQL whose files live in {@code reference.database.embedded-dir}
 * ({@code ./.data/postgres} by default), kept between runs. Active only while {@code spring.datasource.url} is unset;
 * setting it (for example through {@code SPRING_DATASOURCE_URL}) hands the data source back to Spring Boot and
 * this class does nothing. The same SQL runs on both, because both are PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /**
     * The server {@link EmbeddedPostgresEarlyStart} began to start while the context was being prepared, or, when
     * nothing started early (a context not made by {@code SpringApplication}), one started now.
     */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            DatabaseProperties properties, ObjectProvider<EmbeddedPostgresEarlyStart.Pending> early)
            throws IOException {
        Path dir = properties.embeddedDir().toAbsolutePath().normalize();
        EmbeddedPostgresEarlyStart.Pending pending = early.getIfAvailable();
        if (pending != null) {
            Optional<EmbeddedPostgres> started = pending.claim(dir);
            if (started.isPresent()) {
                return started.get();
            }
        }
        return start(dir);
    }

    /** Starts the embedded server on {@code dir}, creating the folder (and the cluster, with initdb) when new. */
    static EmbeddedPostgres start(Path dir) throws IOException {
        Files.createDirectories(dir);
        stopLeftover(dir, Duration.ofSeconds(30));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60)) // the first start runs initdb; slow disks need the time
                // Spring stops it (destroyMethod) after the pool and in-flight requests, not a JVM hook before them
                .setRegisterShutdownHook(false)
                .start();
        log.info(
                "Embedded PostgreSQL on port {} with data in {} (set SPRING_DATASOURCE_URL to use your own)",
                postgres.getPort(),
                dir);
        return postgres;
    }

    /**
     * Stops a PostgreSQL that an earlier run left running on {@code dir}: a process that ended without closing the
     * context (killed, {@code -XX:+ExitOnOutOfMemoryError}, {@code -Dspring.context.exit=onRefresh}) leaves its
     * server behind, and the next start would wait a minute for the data folder and fail. It is a leftover when its
     * {@code postmaster.pid} names a live {@code postgres} serving {@code dir} while nobody holds the folder's
     * {@code epg-lock}, which the embedded server's owner holds as long as it lives; a folder in use by a running
     * instance is left alone (starting then fails, saying the folder is locked).
     */
    static void stopLeftover(Path dir, Duration wait) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try (FileChannel channel =
                        FileChannel.open(dir.resolve("epg-lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock unused = channel.tryLock()) {
            if (unused == null) {
                return;
            }
            List<String> lines = Files.readAllLines(pidFile); // pid, then data folder
            String pid = lines.isEmpty() ? "" : lines.get(0).strip();
            if (lines.size() < 2
                    || !pid.matches("\\d+")
                    || !Files.isSameFile(dir, Path.of(lines.get(1).strip()))) {
                return;
            }
            Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(pid))
                    .filter(p ->
                            p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
            if (server.isEmpty()) {
                return; // a stale file: PostgreSQL replaces it
            }
            log.warn(
                    "An embedded PostgreSQL (pid {}) left running by an earlier run holds {}: stopping it",
                    server.get().pid(),
                    dir);
            server.get().destroy(); // SIGTERM: PostgreSQL's smart shutdown; its clients died with that run
            try {
                server.get().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException(
                        "The PostgreSQL (pid " + server.get().pid() + ") an earlier run left " + "on " + dir
                                + " did not stop within " + wait.toSeconds() + " s: stop it, then start again");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while stopping the leftover PostgreSQL on " + dir);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        } catch (OverlappingFileLockException e) {
            // this process holds the folder already: not a leftover
        }
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }

    /** Matches when no JDBC URL is configured. */
    static final class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return matches(context.getEnvironment());
        }

        static boolean matches(Environment environment) {
            String url = environment.getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
