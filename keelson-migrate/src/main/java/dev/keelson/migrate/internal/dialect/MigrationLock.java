package dev.keelson.migrate.internal.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/** A held migration lock; {@link #close()} releases it and closes its connection. Never throws on close. */
public interface MigrationLock extends AutoCloseable {

    /**
     * Called on the migration connection inside each migration's transaction, just before its history row is
     * written and it commits: proves the lock is still held (and renews it where the lock is a row), so a
     * migration never commits after another migrator took the lock over.
     *
     * @throws dev.keelson.migrate.MigrationException {@code LOCK_TIMEOUT} when the lock was lost
     */
    default void confirm(Connection migrationConnection) throws SQLException {}

    @Override
    void close();
}
