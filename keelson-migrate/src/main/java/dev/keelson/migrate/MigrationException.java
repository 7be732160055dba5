package dev.keelson.migrate;

import java.util.List;

/**
 * The one exception the migration engine throws. Its message names what to fix (file and line, the
 * database's SQLState and message, the command to run); the cause is kept for {@code --verbose}.
 */
public class MigrationException extends RuntimeException {
    private final MigrationErrorCode code;
    private final transient List<ExecutedMigration> completed;

    public MigrationException(MigrationErrorCode code, String message) {
        this(code, message, null, List.of());
    }

    public MigrationException(MigrationErrorCode code, String message, Throwable cause) {
        this(code, message, cause, List.of());
    }

    /** A failure after {@code completed} ran and were committed (recorded in the history). */
    public MigrationException(
            MigrationErrorCode code, String message, Throwable cause, List<ExecutedMigration> completed) {
        super(message, cause);
        this.code = code;
        this.completed = List.copyOf(completed);
    }

    public MigrationErrorCode code() {
        return code;
    }

    /**
     * What the command finished before it stopped, in order: the migrations {@code migrate} applied, or the undo
     * files {@code rollback} ran, before the one that failed. Empty when nothing was done.
     */
    public List<ExecutedMigration> completed() {
        return completed;
    }
}
