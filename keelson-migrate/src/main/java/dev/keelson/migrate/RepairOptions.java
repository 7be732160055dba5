package dev.keelson.migrate;

/**
 * What {@code repair} does. The default ({@link #all()}) removes failed entries, realigns checksums of applied
 * files edited on purpose, and forgets applied files that are gone. {@link #resumeAt} does only this: it tells
 * the next {@code migrate} where to resume a file whose run outside a transaction failed or was interrupted.
 * {@link #checksumUpgrade()} does only this: it rewrites checksums stored in an older format (still verified with
 * their own algorithm) in the current one, for files that match them, and records that in the history.
 *
 * @param resumeScript    the file (name, like {@code V3__add_index.sql}, or its version, like {@code 3}) to resume;
 *                        {@code null} for the default repair
 * @param resumeStatement the 1-based statement to resume at: statements before it count as applied; one past the
 *                        last statement marks the whole file as applied
 * @param upgradeChecksums whether to upgrade checksums of an older format (and do nothing else)
 */
public record RepairOptions(String resumeScript, int resumeStatement, boolean upgradeChecksums) {
    public RepairOptions {
        if (resumeScript != null && (resumeScript.isBlank() || resumeStatement < 1)) {
            throw new MigrationException(
                    MigrationErrorCode.CONFIGURATION,
                    "resume at needs a file name or version and a statement number of 1 or more, like V3__add_index.sql:4");
        }
    }

    /** The default repair. */
    public static RepairOptions all() {
        return new RepairOptions(null, 0, false);
    }

    /** Rewrite checksums of an older format in the current one (see the class comment). */
    public static RepairOptions checksumUpgrade() {
        return new RepairOptions(null, 0, true);
    }

    /** Resume {@code script} (a file name or a version) at {@code statement} on the next {@code migrate}. */
    public static RepairOptions resumeAt(String script, int statement) {
        return new RepairOptions(script, statement, false);
    }

    /**
     * Parses {@code FILE:STATEMENT} (or {@code VERSION:STATEMENT}), as {@code keelson db repair --resume-at} takes it.
     *
     * @throws MigrationException {@link MigrationErrorCode#CONFIGURATION} naming the expected form
     */
    public static RepairOptions resumeAt(String fileAndStatement) {
        int colon = fileAndStatement.lastIndexOf(':');
        try {
            return resumeAt(
                    fileAndStatement.substring(0, Math.max(colon, 0)),
                    Integer.parseInt(fileAndStatement.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new MigrationException(
                    MigrationErrorCode.CONFIGURATION,
                    "'" + fileAndStatement + "' is not FILE:STATEMENT, like"
                            + " V3__add_index.sql:4 (the file, or its version, and the statement to resume at)",
                    e);
        }
    }
}
