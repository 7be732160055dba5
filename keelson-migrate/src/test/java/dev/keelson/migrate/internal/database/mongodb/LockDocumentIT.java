package dev.keelson.migrate.internal.database.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationListener;
import dev.keelson.migrate.testing.MongoTestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lock document's rules, with the time of each migrator injected. */
class LockDocumentIT {
    private static final Duration STALE = Duration.ofSeconds(30);
    private static MongoTestServer server;

    @BeforeAll
    static void start() {
        server = MongoTestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static LockDocument acquire(MongoDatabase db, Clock clock, Duration timeout, MigrationListener listener) {
        return LockDocument.acquire(db, "keelson_schema_history", timeout, STALE, clock, listener);
    }

    @Test
    void aLiveHolderKeepsTheLockAndTheWaiterGivesUpNamingIt() {
        MongoDatabase db = server.database(server.freshDatabaseUrl());
        List<String> heard = new ArrayList<>();
        try (LockDocument held = acquire(db, Clock.systemUTC(), Duration.ZERO, MigrationListener.NONE)) {
            assertThatThrownBy(() -> acquire(db, Clock.systemUTC(), Duration.ofMillis(300), new MigrationListener() {
                        @Override
                        public void waitingForLock(String holder, Duration waited) {
                            heard.add(holder);
                        }
                    }))
                    .isInstanceOfSatisfying(
                            MigrationException.class,
                            e -> assertThat(e.code()).isEqualTo(MigrationErrorCode.LOCK_TIMEOUT))
                    .hasMessageContaining("it is held by " + held.owner());
            assertThat(heard).isNotEmpty().allSatisfy(h -> assertThat(h).startsWith(held.owner()));
            held.checkHeld();
        }
        assertThat(LockDocument.holder(db, "keelson_schema_history")).isEmpty();
    }

    @Test
    void aHolderWhoseHeartbeatIsStaleIsTakenOverAndStopsAtItsNextCheck() throws InterruptedException {
        MongoDatabase db = server.database(server.freshDatabaseUrl());
        // the first holder's clock stands an hour back: every heartbeat it writes is stale to the others
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        LockDocument stale = acquire(db, past, Duration.ZERO, MigrationListener.NONE);

        try (LockDocument taker = acquire(db, Clock.systemUTC(), Duration.ofSeconds(5), MigrationListener.NONE)) {
            assertThat(LockDocument.holder(db, "keelson_schema_history"))
                    .get()
                    .asString()
                    .startsWith(taker.owner());
            Thread.sleep(STALE.toMillis() / 6 + 500); // the old holder's next heartbeat finds the lock gone
            assertThatThrownBy(stale::checkHeld)
                    .isInstanceOfSatisfying(
                            MigrationException.class,
                            e -> assertThat(e.code()).isEqualTo(MigrationErrorCode.LOCK_TIMEOUT))
                    .hasMessageStartingWith("Lost the migration lock");
            stale.close(); // deletes only its own document: the taker keeps the lock
            assertThat(LockDocument.holder(db, "keelson_schema_history"))
                    .get()
                    .asString()
                    .startsWith(taker.owner());
        }
    }
}
