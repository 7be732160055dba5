package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.MigratorConfig;
import dev.keelson.migrate.RepairOptions;
import dev.keelson.migrate.RepairResult;
import dev.keelson.migrate.internal.history.EntryType;
import dev.keelson.migrate.internal.history.History;
import dev.keelson.migrate.internal.history.HistoryRepair;
import dev.keelson.migrate.internal.history.HistoryRow;
import dev.keelson.migrate.internal.history.HistoryTable;
import dev.keelson.migrate.internal.resolve.Checksum;
import dev.keelson.migrate.internal.resolve.MigrationScript;
import dev.keelson.migrate.internal.resolve.Placeholders;
import dev.keelson.migrate.internal.resolve.ScriptCatalog;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code repair} over JDBC: what every engine's repair writes ({@link HistoryRepair}) for SQL files, and the upgrade
 * of checksums stored in an older format.
 */
final class Repair {
    private final ScriptCatalog catalog;
    private final History history;
    private final HistoryTable table;
    private final Session db;
    private final MigratorConfig config;

    Repair(ScriptCatalog catalog, History history, HistoryTable table, Session db, MigratorConfig config) {
        this.catalog = catalog;
        this.history = history;
        this.table = table;
        this.db = db;
        this.config = config;
    }

    RepairResult run() throws SQLException {
        return shared().run(catalog.versioned()::get, catalog.repeatable()::containsKey);
    }

    /** Records where the next {@code migrate} resumes a failed or interrupted file (see {@link HistoryRepair}). */
    RepairResult resumeAt(RepairOptions options) throws SQLException {
        return shared().resumeAt(options.resumeScript(), options.resumeStatement(), this::resumable);
    }

    private Optional<HistoryRepair.Resumable> resumable(HistoryRow failed) {
        return (failed.version() != null
                        ? Optional.ofNullable(catalog.versioned().get(failed.version()))
                        : Optional.ofNullable(catalog.repeatable().get(failed.description())))
                .map(file -> {
                    PreparedScript prepared = PreparedScript.of(
                            file,
                            new Placeholders(config.placeholders()),
                            db.dialect().splitRules());
                    return new HistoryRepair.Resumable(
                            file.fileName(),
                            file.checksum(),
                            prepared.statements().size(),
                            prepared.hashes());
                });
    }

    private HistoryRepair<SQLException> shared() throws SQLException {
        return new HistoryRepair<>(history, table, db.installedBy(), config.clock(), "statement");
    }

    /**
     * Rewrites checksums stored in an older format in the current one, for applied files that still match them
     * (verified with the older algorithm), and records the upgrade as a {@link EntryType#CHECKSUM_UPGRADE} row; a
     * file that changed keeps its old checksum, so the change stays visible.
     */
    RepairResult upgradeChecksums() throws SQLException {
        List<String> upgraded = new ArrayList<>();
        for (HistoryRow row : Stream.concat(
                        history.latestVersionRows().stream(), history.latestRepeatableRows().stream())
                .filter(r -> r.success() && Checksum.isOlder(r.checksum()))
                .toList()) {
            Optional<MigrationScript> file = row.type() == EntryType.VERSIONED
                    ? Optional.ofNullable(catalog.versioned().get(row.version()))
                    : row.type() == EntryType.REPEATABLE
                            ? Optional.ofNullable(catalog.repeatable().get(row.description()))
                            : Optional.empty();
            if (file.isPresent() && file.get().matches(row.checksum())) {
                table.updateChecksum(row.rank(), file.get().checksum());
                upgraded.add(file.get().fileName());
            }
        }
        if (!upgraded.isEmpty()) {
            table.insert(new HistoryRow(
                    history.nextRank(),
                    null,
                    "checksums upgraded to " + Checksum.CURRENT + " (" + upgraded.size() + " entries)",
                    EntryType.CHECKSUM_UPGRADE,
                    null,
                    null,
                    db.installedBy(),
                    config.clock().instant(),
                    0,
                    true,
                    0,
                    null,
                    null));
        }
        return new RepairResult(List.of(), List.of(), List.of(), List.of(), upgraded);
    }
}
