package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.MigratorConfig;
import dev.keelson.migrate.RepairResult;
import dev.keelson.migrate.internal.history.EntryType;
import dev.keelson.migrate.internal.history.History;
import dev.keelson.migrate.internal.history.HistoryRow;
import dev.keelson.migrate.internal.history.HistoryTable;
import dev.keelson.migrate.internal.resolve.MigrationScript;
import dev.keelson.migrate.internal.resolve.ScriptCatalog;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code repair}: deletes failed rows, realigns the checksums of applied files edited on purpose, and writes a
 * {@link EntryType#DELETED} row for each applied migration whose file is gone.
 */
final class Repair {
    private final ScriptCatalog catalog;
    private final History history;
    private final HistoryTable table;
    private final Database db;
    private final MigratorConfig config;

    Repair(ScriptCatalog catalog, History history, HistoryTable table, Database db, MigratorConfig config) {
        this.catalog = catalog;
        this.history = history;
        this.table = table;
        this.db = db;
        this.config = config;
    }

    RepairResult run() throws SQLException {
        List<HistoryRow> failed = history.allFailedRows();
        table.delete(failed.stream().map(HistoryRow::rank).toList());
        List<String> realigned = new ArrayList<>();
        List<String> forgotten = new ArrayList<>();
        int rank = history.nextRank();
        for (HistoryRow row : history.latestVersionRows()) {
            if (row.type() != EntryType.VERSIONED || !row.success()) {
                continue;
            }
            MigrationScript file = catalog.versioned().get(row.version());
            if (file == null) {
                table.insert(deleted(row, rank++));
                forgotten.add(row.script());
            } else if (!file.matches(row.checksum())) {
                table.updateChecksum(row.rank(), file.checksum());
                realigned.add(file.fileName());
            }
        }
        for (HistoryRow row : history.latestRepeatableRows()) {
            if (row.type() == EntryType.REPEATABLE && row.success() && !catalog.repeatable().containsKey(row.description())) {
                table.insert(deleted(row, rank++));
                forgotten.add(row.script());
            }
        }
        return new RepairResult(failed.stream().map(HistoryRow::script).toList(), realigned, forgotten);
    }

    private HistoryRow deleted(HistoryRow row, int rank) throws SQLException {
        return new HistoryRow(rank, row.version(), row.description(), EntryType.DELETED, row.script(), row.checksum(),
                db.installedBy(), config.clock().instant(), 0, true, 0, null);
    }
}
