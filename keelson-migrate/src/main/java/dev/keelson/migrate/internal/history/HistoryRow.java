package dev.keelson.migrate.internal.history;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.Version;
import java.time.Instant;

/**
 * One row of the history table.
 *
 * @param rank              {@code installed_rank}: the order rows were written
 * @param version           the version; {@code null} for repeatable rows
 * @param description       the description
 * @param type              what happened
 * @param script            the file name; {@code null} for baseline rows
 * @param checksum          the file's checksum ({@code k2:...}, or an older format); {@code null} for baseline and deleted rows
 * @param installedBy       who
 * @param installedOn       when
 * @param executionMillis   how long it took
 * @param success           false while a file runs outside a transaction, and when it failed half-way or was
 *                          interrupted (non-transactional runs only)
 * @param statementsApplied how many statements of the file ran successfully
 * @param error             the database's message when it failed; {@code null} while running or when interrupted
 * @param statementHashes   for runs outside a transaction: a hash per statement of the file as it ran
 *                          ({@link StatementHashes}); else {@code null}
 */
public record HistoryRow(
        int rank,
        Version version,
        String description,
        EntryType type,
        String script,
        String checksum,
        String installedBy,
        Instant installedOn,
        long executionMillis,
        boolean success,
        int statementsApplied,
        String error,
        StatementHashes statementHashes) {

    /**
     * A row as the history table holds it, checked: a versioned, undo or baseline row needs a version, a repeatable
     * one has none; an entry type a newer Keelson wrote is kept as an audit entry that changes no migration's state.
     *
     * @throws MigrationException {@link MigrationErrorCode#HISTORY_UNREADABLE} naming {@code table}, the rank and what to fix
     */
    public static HistoryRow fromColumns(
            String table,
            int rank,
            String version,
            String description,
            String type,
            String script,
            String checksum,
            String installedBy,
            Instant installedOn,
            long executionMillis,
            boolean success,
            int statementsApplied,
            String error,
            String hashes) {
        EntryType entry = entryType(type);
        Version parsed = version(table, rank, version);
        boolean needsVersion = entry == EntryType.VERSIONED || entry == EntryType.UNDO || entry == EntryType.BASELINE;
        if (needsVersion && parsed == null || entry == EntryType.REPEATABLE && parsed != null) {
            throw unreadable(
                    table,
                    rank,
                    "a " + entry + " entry " + (parsed == null ? "without a version" : "with version " + parsed));
        }
        return new HistoryRow(
                rank,
                parsed,
                description == null ? "" : description,
                entry,
                script,
                checksum,
                installedBy == null ? "" : installedBy,
                installedOn,
                executionMillis,
                success,
                statementsApplied,
                error,
                StatementHashes.parse(hashes));
    }

    private static EntryType entryType(String name) {
        try {
            return EntryType.valueOf(String.valueOf(name));
        } catch (IllegalArgumentException newer) {
            return EntryType.CHECKSUM_UPGRADE;
        }
    }

    private static Version version(String table, int rank, String text) {
        try {
            return text == null ? null : Version.parse(text);
        } catch (IllegalArgumentException e) {
            throw unreadable(table, rank, "version " + e.getMessage());
        }
    }

    private static MigrationException unreadable(String table, int rank, String what) {
        return new MigrationException(
                MigrationErrorCode.HISTORY_UNREADABLE,
                "History table " + table + ", installed_rank " + rank + ": " + what
                        + ". A tool other than Keelson wrote this row: correct or delete it by hand");
    }

    /** A row left by a run outside a transaction that stopped without recording an outcome (killed, disconnected). */
    public boolean interrupted() {
        return !success && error == null;
    }

    /** The number of statements of the file as it ran, when known. */
    public int statementCount() {
        return statementHashes == null ? -1 : statementHashes.count();
    }

    /** This row with another outcome: a finished, failed or further progressed run of the same attempt. */
    public HistoryRow withOutcome(boolean success, int statementsApplied, long executionMillis, String error) {
        return new HistoryRow(
                rank,
                version,
                description,
                type,
                script,
                checksum,
                installedBy,
                installedOn,
                executionMillis,
                success,
                statementsApplied,
                error,
                statementHashes);
    }
}
