package dev.keelson.reference.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as Spring Boot has prepared the application context,
 * so that the server boots while Spring reads the configuration classes (most of a second) instead of after them:
 * start-up to ready is shorter by most of the server's own start (0.25 s on 2 cores, more with initdb on a new
 * folder; docs/reference-service.md, Measured). {@link EmbeddedDatabaseConfiguration} takes the server from here.
 * Nothing starts early when {@code spring.datasource.url} is set, or when {@code reference.database.*} does not bind
 * (the usual binding then reports it). A start-up that fails before the server was taken stops it, so no PostgreSQL
 * is left running. Registered in {@code META-INF/spring.factories}.
 */
final class EmbeddedPostgresEarlyStart implements ApplicationListener<ApplicationPreparedEvent> {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresEarlyStart.class);

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        if (!EmbeddedDatabaseConfiguration.NoDatasourceUrl.matches(context.getEnvironment())
                || !(context.getBeanFactory() instanceof DefaultSingletonBeanRegistry beans)) {
            return;
        }
        Path dir;
        try {
            dir = Binder.get(context.getEnvironment())
                    .bindOrCreate("reference.database", DatabaseProperties.class)
                    .embeddedDir()
                    .toAbsolutePath()
                    .normalize();
        } catch (RuntimeException e) {
            log.debug("reference.database does not bind; the embedded PostgreSQL starts with the context", e);
            return;
        }
        Pending pending = new Pending(dir);
        beans.registerSingleton(Pending.class.getName(), pending);
        // called when the context closes, and when its refresh fails (before or after the server was taken)
        beans.registerDisposableBean(Pending.class.getName(), pending::release);
    }

    /** A server being started on {@code dir}; whoever claims it owns it, or else a failed start-up stops it. */
    static final class Pending {
        private final Path dir;
        private final CompletableFuture<EmbeddedPostgres> server = new CompletableFuture<>();
        private final AtomicBoolean taken = new AtomicBoolean();

        Pending(Path dir) {
            this.dir = dir;
            Thread.ofPlatform().name("embedded-postgres-start").daemon().start(() -> {
                try {
                    server.complete(EmbeddedDatabaseConfiguration.start(dir));
                } catch (Throwable e) {
                    server.completeExceptionally(e);
                }
            });
        }

        /**
         * The server, once it accepts connections, when it was started on {@code dir}; empty (and the server
         * stopped) when {@code dir} is another folder. Throws what the start threw.
         */
        Optional<EmbeddedPostgres> claim(Path dir) throws IOException {
            if (!this.dir.equals(dir)) {
                release();
                return Optional.empty();
            }
            if (!taken.compareAndSet(false, true)) {
                throw new IllegalStateException("the embedded PostgreSQL on " + dir + " was claimed already");
            }
            try {
                return Optional.of(server.join());
            } catch (CompletionException e) {
                switch (e.getCause()) {
                    case IOException io -> throw io;
                    case RuntimeException r -> throw r;
                    case Error err -> throw err;
                    default -> throw e;
                }
            }
        }

        /** Stops the server (after its start ends) unless it was claimed. */
        void release() {
            if (taken.compareAndSet(false, true)) {
                try {
                    server.join().close();
                } catch (CompletionException | IOException e) {
                    log.debug("the embedded PostgreSQL started early did not start or stop cleanly", e);
                }
            }
        }
    }
}
