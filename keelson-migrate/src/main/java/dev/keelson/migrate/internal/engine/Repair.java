package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.ErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigratorConfig;
import dev.keelson.migrate.RepairOptions;
import dev.keelson.migrate.RepairResult;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.internal.history.EntryType;
import dev.keelson.migrate.internal.history.History;
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
 * {@code repair}: deletes failed rows, realigns the checksums of applied files edited on purpose, and writes a
 * {@link EntryType#DELETED} row for each applied migration whose file is gone; or, asked to, only records where
 * {@code migrate} resumes a failed file.
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
            if (row.type() == EntryType.REPEATABLE
                    && row.success()
                    && !catalog.repeatable().containsKey(row.description())) {
                table.insert(deleted(row, rank++));
                forgotten.add(row.script());
            }
        }
        return new RepairResult(failed.stream().map(HistoryRow::script).toList(), realigned, forgotten);
    }

    /**
     * Records where the next {@code migrate} resumes a failed or interrupted file: a failed row whose hashes are the
     * file's as it is now and whose applied count says statements before {@code statement} ran (or, one past the
     * last statement, a successful row: the file counts as applied).
     */
    RepairResult resumeAt(RepairOptions options) throws SQLException {
        String name = options.resumeScript();
        HistoryRow failed = lastRowOf(name)
                .filter(r -> !r.success() && r.type() != EntryType.UNDO)
                .orElseThrow(() -> new MigrationException(
                        ErrorCode.INVALID_VERSION,
                        "--resume-at " + name + ":"
                                + options.resumeStatement() + ": " + name
                                + " has no failed or interrupted run to resume"
                                + " (see `keelson db status`)"));
        MigrationScript file = (failed.version() != null
                        ? Optional.ofNullable(catalog.versioned().get(failed.version()))
                        : Optional.ofNullable(catalog.repeatable().get(failed.description())))
                .orElseThrow(() -> new MigrationException(
                        ErrorCode.INVALID_VERSION,
                        "--resume-at: the file of " + failed.script() + " is gone; restore it first"));
        PreparedScript prepared = PreparedScript.of(
                file, new Placeholders(config.placeholders()), db.dialect().splitRules());
        int n = prepared.statements().size();
        int at = options.resumeStatement();
        if (at > n + 1) {
            throw new MigrationException(
                    ErrorCode.INVALID_VERSION,
                    "--resume-at " + name + ":" + at + ": "
                            + file.fileName() + " has " + n + " statement(s); give 1 to " + (n + 1) + " (" + (n + 1)
                            + ": all of them ran)");
        }
        boolean complete = at == n + 1;
        table.insert(new HistoryRow(
                history.nextRank(),
                failed.version(),
                failed.description(),
                failed.type(),
                file.fileName(),
                file.checksum(),
                db.installedBy(),
                config.clock().instant(),
                0,
                complete,
                at - 1,
                complete ? null : "repair --resume-at: resume at statement " + at,
                prepared.hashes()));
        String point = file.fileName()
                + (complete
                        ? " counts as applied (all " + n + " statements ran)"
                        : " resumes at statement " + at + " of " + n);
        return new RepairResult(List.of(), List.of(), List.of(), List.of(point), List.of());
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

    private Optional<HistoryRow> lastRowOf(String name) {
        Optional<HistoryRow> byFile = Stream.concat(
                        history.latestVersionRows().stream(), history.latestRepeatableRows().stream())
                .filter(r -> name.equals(r.script()))
                .findFirst();
        if (byFile.isPresent() || !name.matches("[0-9][0-9._]*")) {
            return byFile;
        }
        return history.latest(Version.parse(name));
    }

    private HistoryRow deleted(HistoryRow row, int rank) throws SQLException {
        return new HistoryRow(
                rank,
                row.version(),
                row.description(),
                EntryType.DELETED,
                row.script(),
                row.checksum(),
                db.installedBy(),
                config.clock().instant(),
                0,
                true,
                0,
                null,
                null);
    }
}
