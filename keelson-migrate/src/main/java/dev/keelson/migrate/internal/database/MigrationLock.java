package dev.keelson.migrate.internal.database;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The migration lock of one operation. Two kinds exist:
 *
 * <ul>
 *   <li>a <em>run</em> lock (MySQL/MariaDB {@code GET_LOCK}, a lock row), taken when the lock is created and held
 *       until {@link #close()}: the history read under it stays true for the whole run, and every {@code enter}
 *       method is a no-op;
 *   <li>a <em>per-migration</em> lock (PostgreSQL, {@link #perMigration()} true), taken by each {@code enter} call
 *       and released at the end of that transaction or by {@link #leaveNonTransactional()}: another migrator can
 *       write history between two migrations, so the caller re-checks it each time it enters.
 * </ul>
 */
public interface MigrationLock extends AutoCloseable {

    /** Decides, once the lock is held, whether the holder may go ahead. */
    interface Ready {
        /**
         * Null to go ahead; otherwise what another migrator did meanwhile (the lock is then released, and taken
         * again after the poll interval, so a migrator that keeps making progress is not interrupted).
         */
        String busy() throws SQLException;

        /**
         * A query returning one integer that {@link #busy(int)} decides on, which a lock taken by a statement of the
         * migration connection may send in the same round trip, as a statement of its own right after the lock's
         * (so with a snapshot taken after the lock was granted); null when there is none.
         */
        default String probe() {
            return null;
        }

        /** {@link #busy()}, given what {@link #probe()} returned (its first column, 0 for NULL or no row). */
        default String busy(int probed) throws SQLException {
            return busy();
        }
    }

    /** True when the lock is taken for each migration (see the class comment). */
    default boolean perMigration() {
        return false;
    }

    /**
     * Waits for the lock inside the open transaction of {@code migration} (autocommit off); the lock is released
     * when that transaction ends. A failed attempt rolls the transaction back, so a waiting migrator never sits
     * in an open transaction.
     *
     * @param relaxCommit whether this transaction may commit without waiting for its WAL flush (see
     *     {@link dev.keelson.migrate.internal.database.postgresql.PostgresDialect#lock}; ignored elsewhere)
     */
    default void enterTransaction(Connection migration, boolean relaxCommit, Ready ready) throws SQLException {}

    /** Waits for the lock before a script that runs outside a transaction; held until {@link #leaveNonTransactional()}. */
    default void enterNonTransactional(Ready ready) throws SQLException {}

    /** Releases what {@link #enterNonTransactional} took. Never throws. */
    default void leaveNonTransactional() {}

    /**
     * Called on the migration connection inside each migration's transaction, just before its history row is
     * written and it commits: proves the lock is still held (and renews it where the lock is a row), so a
     * migration never commits after another migrator took the lock over.
     *
     * @throws dev.keelson.migrate.MigrationException {@code LOCK_TIMEOUT} when the lock was lost
     */
    default void confirm(Connection migrationConnection) throws SQLException {}

    /** Releases the lock and closes the connections the lock opened. Never throws. */
    @Override
    void close();
}
