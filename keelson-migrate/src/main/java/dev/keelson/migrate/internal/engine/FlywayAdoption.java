package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationListener;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.internal.history.EntryType;
import dev.keelson.migrate.internal.history.FlywayHistory;
import dev.keelson.migrate.internal.history.History;
import dev.keelson.migrate.internal.history.HistoryRow;
import dev.keelson.migrate.internal.resolve.MigrationScript;
import dev.keelson.migrate.internal.resolve.ScriptCatalog;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A database Flyway manages, adopted instead of migrated again: when keelson's history is empty and
 * {@code flyway_schema_history} exists, its successful entries become keelson's history (read-only commands use them
 * in memory; {@code migrate} and {@code rollback} write them first, under the lock). A checksum Flyway recorded is
 * compared with Flyway's checksum of the file as it is now: when they agree the row gets the file's keelson
 * checksum, otherwise Flyway's ({@code flyway:<crc32>}), which no file matches, so {@code validate} names the
 * file and {@code repair} can accept it. A failed Flyway entry stops the command with the two ways out.
 */
final class FlywayAdoption {
    private FlywayAdoption() {}

    /** Rows adopted from Flyway's history for {@code history}; empty when keelson has its own or Flyway has none. */
    static Optional<List<HistoryRow>> rows(
            Session db, History history, ScriptCatalog catalog, MigrationListener listener, String historyTable)
            throws SQLException {
        if (history.exists() && !history.rows().isEmpty()) {
            return Optional.empty();
        }
        Optional<List<FlywayHistory.Entry>> entries = FlywayHistory.read(db.connection(), db.dialect());
        if (entries.isEmpty() || entries.get().isEmpty()) {
            return Optional.empty();
        }
        refuseFailed(entries.get());
        List<HistoryRow> rows = new ArrayList<>();
        int matching = 0;
        for (FlywayHistory.Entry e : entries.get()) {
            Optional<EntryType> type = FlywayHistory.typeOf(e);
            if (type.isEmpty()) {
                continue;
            }
            Optional<MigrationScript> file = fileOf(catalog, type.get(), e);
            boolean same = file.isPresent()
                    && e.checksum() != null
                    && FlywayHistory.checksum(file.get().content()) == e.checksum();
            matching += same ? 1 : 0;
            String checksum = same ? file.get().checksum() : e.checksum() == null ? null : "flyway:" + e.checksum();
            rows.add(new HistoryRow(
                    history.nextRank() + rows.size(),
                    e.version(),
                    e.description(),
                    type.get(),
                    e.script(),
                    checksum,
                    e.installedBy() == null ? "flyway" : e.installedBy(),
                    e.installedOn(),
                    e.executionMillis(),
                    true,
                    0,
                    null,
                    null));
        }
        listener.notice("Found " + FlywayHistory.TABLE + ": its " + rows.size() + " applied entries are this database's"
                + " history (" + matching + " with the checksum of their file as it is now; any other is named by"
                + " validate and accepted by repair). " + FlywayHistory.TABLE + " stays as it is; migrate and rollback"
                + " copy the entries into " + historyTable + " first");
        return Optional.of(rows);
    }

    private static Optional<MigrationScript> fileOf(ScriptCatalog catalog, EntryType type, FlywayHistory.Entry e) {
        return switch (type) {
            case VERSIONED -> Optional.ofNullable(catalog.versioned().get(e.version()));
            case UNDO -> catalog.undoOf(e.version());
            case REPEATABLE -> Optional.ofNullable(catalog.repeatable().get(e.description()));
            default -> Optional.empty();
        };
    }

    private static void refuseFailed(List<FlywayHistory.Entry> entries) {
        Optional<FlywayHistory.Entry> failed =
                entries.stream().filter(e -> !e.success()).findFirst();
        if (failed.isPresent()) {
            String highest = entries.stream()
                    .filter(FlywayHistory.Entry::success)
                    .map(FlywayHistory.Entry::version)
                    .filter(v -> v != null)
                    .max(Version::compareTo)
                    .map(Version::toString)
                    .orElse("1");
            throw new MigrationException(
                    MigrationErrorCode.FAILED_MIGRATION_PRESENT,
                    FlywayHistory.TABLE + " records a failed"
                            + " run of " + failed.get().script()
                            + "; nothing was changed. Clean up what it left and run `flyway"
                            + " repair`, then run this again to adopt Flyway's history; or adopt the database as it is now with"
                            + " `keelson db baseline --version " + highest + "`");
        }
    }
}
