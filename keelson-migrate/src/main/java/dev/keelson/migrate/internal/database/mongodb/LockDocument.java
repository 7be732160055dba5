package dev.keelson.migrate.internal.database.mongodb;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationListener;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The migration lock: one document {@code {_id: "lock", owner, acquired, heartbeat}} in the collection
 * {@code <history>_lock}. Taking it is an insert, which the {@code _id} index lets only one migrator win. The
 * holder renews {@code heartbeat} six times per stale period from a daemon thread; a document whose heartbeat is
 * older than the stale period belongs to a migrator that died (killed, machine gone) and is taken over with a
 * compare-and-set update on the owner and heartbeat seen, so of two migrators taking over at once one wins. The
 * holder deletes it when done. Heartbeats use the migrators' clocks: they must agree to well within the stale
 * period (30 s by default).
 */
final class LockDocument implements AutoCloseable {
    static final String ID = "lock";

    private final MongoCollection<Document> collection;
    private final String owner;
    private final Clock clock;
    private final ScheduledExecutorService heart;
    private volatile boolean lost;

    private LockDocument(MongoCollection<Document> collection, String owner, Clock clock) {
        this.collection = collection;
        this.owner = owner;
        this.clock = clock;
        this.heart = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keelson-mongodb-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    /** The lock collection of a history collection. */
    static String collectionOf(String history) {
        return history + "_lock";
    }

    /**
     * Waits for the lock up to {@code timeout}, telling {@code listener} about once a second who holds it.
     *
     * @throws MigrationException {@code LOCK_TIMEOUT} naming the holder when the timeout passes
     */
    static LockDocument acquire(
            MongoDatabase database,
            String history,
            Duration timeout,
            Duration staleAfter,
            Clock clock,
            MigrationListener listener) {
        MongoCollection<Document> collection = database.getCollection(collectionOf(history));
        String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        long start = System.nanoTime();
        long lastReport = start - 1_000_000_000L;
        while (!tryAcquire(collection, owner, staleAfter, clock)) {
            long now = System.nanoTime();
            Duration waited = Duration.ofNanos(now - start);
            if (now - lastReport >= 1_000_000_000L) {
                listener.waitingForLock(describe(collection), waited);
                lastReport = now;
            }
            if (waited.compareTo(timeout) >= 0) {
                throw new MigrationException(
                        MigrationErrorCode.LOCK_TIMEOUT,
                        "Gave up waiting for the migration lock (document in " + collectionOf(history) + ") after "
                                + timeout.toMillis() / 1000.0 + " s; it is held by " + describe(collection)
                                + ". Wait for that migrator to finish, or raise the lock timeout");
            }
            sleep(Duration.ofMillis(Math.min(200, Math.max(10, staleAfter.toMillis() / 10))));
        }
        LockDocument lock = new LockDocument(collection, owner, clock);
        long beat = Math.max(staleAfter.toMillis() / 6, 1);
        lock.heart.scheduleWithFixedDelay(lock::beat, beat, beat, TimeUnit.MILLISECONDS);
        return lock;
    }

    /** Who holds the lock now, if anyone: {@code owner (heartbeat 2026-12-07T05:00:00Z)}. */
    static Optional<String> holder(MongoDatabase database, String history) {
        Document d = database.getCollection(collectionOf(history))
                .find(Filters.eq("_id", ID))
                .first();
        return Optional.ofNullable(d).map(LockDocument::describe);
    }

    private static boolean tryAcquire(
            MongoCollection<Document> collection, String owner, Duration staleAfter, Clock clock) {
        Date now = Date.from(clock.instant());
        try {
            collection.insertOne(new Document("_id", ID)
                    .append("owner", owner)
                    .append("acquired", now)
                    .append("heartbeat", now));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document held = collection.find(Filters.eq("_id", ID)).first();
        if (held == null) {
            return false; // released between the insert and the read: try again
        }
        Date beat = held.getDate("heartbeat");
        boolean stale = beat == null || beat.toInstant().plus(staleAfter).isBefore(clock.instant());
        if (!stale) {
            return false;
        }
        // take over only the document seen stale: another migrator taking over at once changes it, and one of us wins
        return collection
                        .updateOne(
                                Filters.and(
                                        Filters.eq("_id", ID),
                                        Filters.eq("owner", held.getString("owner")),
                                        Filters.eq("heartbeat", beat)),
                                Updates.combine(
                                        Updates.set("owner", owner),
                                        Updates.set("acquired", now),
                                        Updates.set("heartbeat", now),
                                        Updates.set("took_over_from", held.getString("owner"))))
                        .getModifiedCount()
                == 1;
    }

    private void beat() {
        try {
            long matched = collection
                    .updateOne(
                            Filters.and(Filters.eq("_id", ID), Filters.eq("owner", owner)),
                            Updates.set("heartbeat", Date.from(clock.instant())))
                    .getMatchedCount();
            if (matched == 0) {
                lost = true;
            }
        } catch (RuntimeException e) {
            // the server is unreachable for a moment: the next beat tries again; the stale period allows five misses
        }
    }

    /**
     * @throws MigrationException {@code LOCK_TIMEOUT} when another migrator took the lock over (this process missed
     *     its heartbeats for a whole stale period: paused, or cut off from the server)
     */
    void checkHeld() {
        if (lost) {
            throw new MigrationException(
                    MigrationErrorCode.LOCK_TIMEOUT,
                    "Lost the migration lock: another migrator took it over after this one missed its heartbeats for"
                            + " the whole stale period; stopped before the next command. Run migrate again");
        }
    }

    String owner() {
        return owner;
    }

    @Override
    public void close() {
        heart.shutdownNow();
        try {
            collection.deleteOne(Filters.and(Filters.eq("_id", ID), Filters.eq("owner", owner)));
        } catch (RuntimeException e) {
            // unreachable now: the document goes stale and the next migrator takes it over
        }
    }

    private static String describe(MongoCollection<Document> collection) {
        Document d = collection.find(Filters.eq("_id", ID)).first();
        return d == null ? "nobody (just released)" : describe(d);
    }

    private static String describe(Document d) {
        Date beat = d.getDate("heartbeat");
        return d.getString("owner") + " (last heartbeat "
                + (beat == null ? "never" : Instant.ofEpochMilli(beat.getTime())) + ")";
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException(
                    MigrationErrorCode.LOCK_TIMEOUT, "Interrupted while waiting for the migration lock", e);
        }
    }
}
