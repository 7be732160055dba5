package dev.keelson.migrate;

import java.nio.file.Path;

/**
 * Writing new migration files; no database involved.
 */
public final class MigrationFiles {
    private MigrationFiles() {}

    /**
     * Writes {@code V<n>__<description>.sql} and {@code U<n>__<description>.sql} into {@code dir} (created if
     * missing), where {@code n} is one more than the first part of the highest existing version.
     *
     * @return the two files written, versioned first
     * @throws MigrationException {@code FILE_WRITE_FAILED} when a file exists or cannot be written
     */
    public static NewMigration createNext(Path dir, String description) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The pair of files {@link #createNext} wrote. */
    public record NewMigration(Version version, Path versioned, Path undo) {}
}
