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
 * @param checksum          the file's checksum ({@code k1:...}); {@code null} for baseline and deleted rows
 * @param installedBy       who
 * @param installedOn       when
 * @param executionMillis   how long it took
 * @param success           false when it failed half-way (non-transactional runs only)
 * @param statementsApplied how many statements of the file ran successfully
 * @param error             the database's message when it failed
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
        String error) {}
