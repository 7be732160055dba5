package dev.keelson.migrate;

/** The state of one migration, as {@code status} reports it. */
public enum MigrationState {
    /** Not applied yet; the next {@code migrate} applies it. */
    PENDING,
    /** Applied successfully and unchanged since. */
    APPLIED,
    /** Its last attempt failed; {@code migrate} refuses until {@code repair} (non-transactional databases). */
    FAILED,
    /** Recorded in the history, but its file is gone. */
    MISSING_FILE,
    /** Applied, but the file's checksum no longer matches the one recorded. */
    CHANGED,
    /** Applied after a migration with a higher version, or pending below the newest applied version. */
    OUT_OF_ORDER,
    /** Covered by a baseline: counted as applied without having run. */
    BASELINE,
    /** Above the {@code --target} of the run that produced this report: left for later. */
    ABOVE_TARGET
}
