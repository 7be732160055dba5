package dev.keelson.migrate;

/**
 * The one exception the migration engine throws. Its message names what to fix (file and line, the
 * database's SQLState and message, the command to run); the cause is kept for {@code --verbose}.
 */
public class MigrationException extends RuntimeException {
    private final ErrorCode code;

    public MigrationException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public MigrationException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
