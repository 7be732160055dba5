package dev.keelson.migrate.internal.history;

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
        return new HistoryRow(rank, version, description, type, script, checksum, installedBy, installedOn,
                executionMillis, success, statementsApplied, error, statementHashes);
    }
}
