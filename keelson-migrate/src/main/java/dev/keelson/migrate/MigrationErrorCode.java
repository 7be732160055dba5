package dev.keelson.migrate;

/**
 * Stable codes for every way the migration engine can fail; they appear in messages and JSON output.
 * {@link #isUsageError()} separates mistakes in configuration or input (exit code 2 at the CLI) from
 * operations that failed (exit code 1).
 */
public enum MigrationErrorCode {
    /** A required setting is missing or invalid (URL, location, lock timeout, ...). */
    CONFIGURATION(true),
    /** The JDBC URL names a database Keelson does not support. */
    UNSUPPORTED_DATABASE(true),
    /** The database could not be reached or refused the login. */
    CONNECTION_FAILED(false),
    /** A migration location does not exist or cannot be read. */
    LOCATION_NOT_FOUND(true),
    /** A file in a migration location does not follow the naming rules. */
    INVALID_FILE_NAME(true),
    /** Two files claim one version (or one repeatable description). */
    DUPLICATE_VERSION(true),
    /** A {@code ${name}} placeholder has no value. */
    UNKNOWN_PLACEHOLDER(true),
    /** A SQL file cannot be split into statements (an unterminated string or comment, ...). */
    SQL_PARSE_ERROR(true),
    /** A MongoDB migration file is not a JSON array of command documents; the message names file and line. */
    JSON_PARSE_ERROR(true),
    /** A requested version (target, rollback --to, baseline) is not valid here. */
    INVALID_VERSION(true),
    /** A statement failed; the message names the file, line and the database's message. */
    MIGRATION_FAILED(false),
    /** A previous migration failed on a non-transactional database; {@code repair} first. */
    FAILED_MIGRATION_PRESENT(false),
    /** A pending migration has a version below the newest applied one. */
    OUT_OF_ORDER(false),
    /** Applied migrations changed or vanished; see {@code validate}. */
    VALIDATION_FAILED(false),
    /** An applied version has no {@code U} file, so it cannot be rolled back. */
    MISSING_UNDO(false),
    /** Nothing to roll back, or {@code --to} is above the current version. */
    NOTHING_TO_ROLLBACK(false),
    /** {@code baseline} on a database that already has applied migrations. */
    BASELINE_REFUSED(false),
    /** The migration lock could not be taken within the lock timeout. */
    LOCK_TIMEOUT(false),
    /** The lint that {@code migrate} runs first found errors in pending files; nothing was applied. */
    LINT_FAILED(false),
    /** A row of the history table cannot be read (a version that is no version, an entry without one). */
    HISTORY_UNREADABLE(false),
    /** A file that {@code new} would write already exists, or the folder is not writable. */
    FILE_WRITE_FAILED(false);

    private final boolean usageError;

    MigrationErrorCode(boolean usageError) {
        this.usageError = usageError;
    }

    /** True when the user must fix input or configuration, rather than the database or a migration. */
    public boolean isUsageError() {
        return usageError;
    }
}
