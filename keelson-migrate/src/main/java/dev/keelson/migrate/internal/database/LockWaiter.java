package dev.keelson.migrate.internal.database;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationListener;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Polls a try-lock until it succeeds or the timeout passes; tells the listener about once a second who holds
 * it. Waiting uses the monotonic clock.
 *
 * @param timeout    how long to wait in total; zero means try once
 * @param listener   told while waiting
 * @param pollEvery  how long to sleep between attempts
 * @param staleAfter how long a lock row's holder may go without a heartbeat before it counts as dead
 */
public record LockWaiter(Duration timeout, MigrationListener listener, Duration pollEvery, Duration staleAfter) {

    /** One attempt to take the lock. */
    public interface Attempt {
        boolean tryAcquire() throws SQLException;
    }

    /** Describes the current holder for messages, or "unknown". */
    public interface Holder {
        String describe() throws SQLException;
    }

    public void await(Attempt attempt, Holder holder, String what) throws SQLException {
        long start = System.nanoTime();
        long lastReport = start - 1_000_000_000L; // the first wait is reported at once, then about once a second
        while (!attempt.tryAcquire()) {
            long now = System.nanoTime();
            Duration waited = Duration.ofNanos(now - start);
            if (now - lastReport >= 1_000_000_000L) {
                listener.waitingForLock(holder.describe(), waited);
                lastReport = now;
            }
            if (waited.compareTo(timeout) >= 0) {
                throw new MigrationException(
                        MigrationErrorCode.LOCK_TIMEOUT,
                        "Gave up waiting for the migration lock (" + what
                                + ") after " + seconds(timeout) + "; it is held by " + holder.describe()
                                + ". Wait for that migrator to finish, or raise the lock timeout");
            }
            sleep();
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    private void sleep() {
        try {
            Thread.sleep(pollEvery);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MigrationException(
                    MigrationErrorCode.LOCK_TIMEOUT, "Interrupted while waiting for the migration lock", e);
        }
    }
}
