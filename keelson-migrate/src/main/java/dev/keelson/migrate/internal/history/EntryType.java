package dev.keelson.migrate.internal.history;

/** The {@code type} column of a history row. */
public enum EntryType {
    /** A versioned migration ran. */
    VERSIONED,
    /** The undo file of a version ran: the version is no longer applied. */
    UNDO,
    /** A repeatable migration ran. */
    REPEATABLE,
    /** {@code baseline}: everything up to the version counts as applied. */
    BASELINE,
    /** {@code repair} forgot an applied migration whose file is gone. */
    DELETED,
    /** {@code repair --upgrade-checksums} rewrote stored checksums in the current format; an audit entry. */
    CHECKSUM_UPGRADE
}
