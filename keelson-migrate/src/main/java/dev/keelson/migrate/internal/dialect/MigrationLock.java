package dev.keelson.migrate.internal.dialect;

/** A held migration lock; {@link #close()} releases it and closes its connection. Never throws on close. */
public interface MigrationLock extends AutoCloseable {
    @Override
    void close();
}
