package dev.keelson.migrate;

import java.time.Duration;

/**
 * Progress callbacks, for a CLI's progress line or a service's log. Every method has an empty default;
 * callbacks run on the migrating thread and must return quickly.
 */
public interface MigrationListener {
    /** The lock is held by someone else; called about once a second while waiting. */
    default void waitingForLock(String holder, Duration waited) {}

    /**
     * Something the user should know that does not stop the run, e.g. that a connection pooler was detected and
     * how the lock strategy adapts to it. Called at most a few times per run.
     */
    default void notice(String message) {}

    /** A migration (or undo) is about to run. */
    default void starting(MigrationType type, Version version, String script, int index, int total) {}

    /** A migration (or undo) finished successfully. */
    default void finished(ExecutedMigration migration, int index, int total) {}

    MigrationListener NONE = new MigrationListener() {};
}
