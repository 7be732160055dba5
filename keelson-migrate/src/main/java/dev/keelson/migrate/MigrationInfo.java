package dev.keelson.migrate;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of {@code status}: a migration file, its history entry, or both.
 *
 * @param type          versioned, repeatable or baseline
 * @param version       the version; {@code null} for repeatable migrations
 * @param description   the description from the file name (underscores shown as spaces)
 * @param script        the file name, e.g. {@code V2__add_orders.sql}; {@code null} for a baseline entry
 * @param state         what {@code status} concludes
 * @param checksum      the file's checksum, or the recorded one when the file is missing
 * @param appliedAt     when it was applied; {@code null} if never
 * @param appliedBy     the database or OS user that applied it; {@code null} if never
 * @param executionTime how long it took; {@code null} if never applied
 * @param failure       the database's message when {@code state} is {@link MigrationState#FAILED}, else {@code null}
 * @param hasUndo       whether a matching {@code U} file exists (versioned migrations only)
 */
public record MigrationInfo(
        MigrationType type,
        Version version,
        String description,
        String script,
        MigrationState state,
        String checksum,
        Instant appliedAt,
        String appliedBy,
        Duration executionTime,
        String failure,
        boolean hasUndo) {}
