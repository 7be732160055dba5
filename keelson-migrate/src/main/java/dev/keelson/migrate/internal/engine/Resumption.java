package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.internal.history.EntryType;
import dev.keelson.migrate.internal.history.HistoryRow;

/**
 * What {@code migrate} does about a file whose last run outside a transaction failed or was interrupted at
 * statement k: resume at k when the statements that ran (1 to k-1) are unchanged and the run failed with the
 * database's error (so statement k did not take effect), otherwise refuse with the exact command that fixes it.
 */
sealed interface Resumption {
    /** Resume after the first {@code applied} statements. */
    record Resume(int applied) implements Resumption {}

    /** Refuse, saying why and what to run. */
    record Refuse(String message) implements Resumption {}

    /**
     * @param row     the file's last history row, failed or interrupted
     * @param current the file as it is now, in this run's plan; {@code null} when it is not (gone, or above the target)
     */
    static Resumption of(HistoryRow row, PreparedScript current) {
        String file = row.script();
        int applied = row.statementsApplied();
        int at = applied + 1;
        String where = "statement " + at + (row.statementCount() < 0 ? "" : " of " + row.statementCount());
        String startOver = "undo what statements 1 to " + applied
                + " did by hand and run `keelson db repair`, so migrate" + " runs the file from its first statement";
        if (row.type() == EntryType.UNDO || row.statementHashes() == null || current == null) {
            String reason = row.type() == EntryType.UNDO
                    ? "its undo failed half-way"
                    : current == null
                            ? "its file is not part of this run (gone, or above the target)"
                            : "it was recorded by an older Keelson, without the hashes that resuming needs";
            return new Refuse(
                    "A previous run of " + file + " stopped at " + where + " (" + describe(row) + ") and " + reason
                            + ". Clean up what it left, then run `keelson db repair` to clear the failed entry before migrating again");
        }
        int changed = current.hashes().firstDifference(row.statementHashes(), applied);
        if (row.interrupted()) {
            return new Refuse(file + " was interrupted at " + where + ": statements 1 to " + applied
                    + " ran, but the migrator"
                    + " stopped (killed, or its connection lost) while statement " + at
                    + " ran, so whether that one took"
                    + " effect is unknown; it may even still be running on the database server. Look at the database, then"
                    + " run `keelson db repair --resume-at " + file + ":" + at
                    + "` if it did not take effect, or `keelson db"
                    + " repair --resume-at " + file + ":" + (at + 1) + "` if it did; migrate then resumes there. Or "
                    + startOver + "." + changedNote(current, changed));
        }
        if (changed == 0) {
            return new Resume(applied);
        }
        return new Refuse("Statement " + changed + " of " + file + " ran before the file failed at " + where + " ("
                + row.error() + "), and has changed since (now at line " + line(current, changed)
                + "); migrate resumes a"
                + " failed file only when the statements that ran are unchanged. Restore it as it ran; or, if the new text"
                + " is equivalent, accept it with `keelson db repair --resume-at " + file + ":" + at + "`; or "
                + startOver + ".");
    }

    private static String describe(HistoryRow row) {
        return row.interrupted() ? "interrupted" : row.error();
    }

    private static String changedNote(PreparedScript current, int changed) {
        return changed == 0
                ? ""
                : " Note: statement " + changed + " has changed since it ran (now at line " + line(current, changed)
                        + "); --resume-at accepts the file as it is now.";
    }

    private static String line(PreparedScript current, int statement) {
        return statement <= current.statements().size()
                ? String.valueOf(current.statements().get(statement - 1).line())
                : "none: the file has fewer statements now";
    }
}
