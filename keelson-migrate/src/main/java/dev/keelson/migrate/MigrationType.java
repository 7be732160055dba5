package dev.keelson.migrate;

/** What a migration script or history entry is. */
public enum MigrationType {
    /** {@code V<version>__<description>.sql}: applied once, in version order. */
    VERSIONED,
    /** {@code U<version>__<description>.sql}: reverts the versioned migration of the same version. */
    UNDO,
    /** {@code R__<description>.sql}: re-applied whenever its checksum changes, after the versioned ones. */
    REPEATABLE,
    /** A history entry written by {@code baseline}: everything up to its version counts as applied. */
    BASELINE
}
