package dev.keelson.migrate.internal.database.mongodb;

import dev.keelson.migrate.ErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.RepairResult;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.internal.history.EntryType;
import dev.keelson.migrate.internal.history.History;
import dev.keelson.migrate.internal.history.HistoryRow;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code repair}: deletes failed entries, realigns the checksums of applied files edited on purpose, and writes a
 * {@link EntryType#DELETED} entry for each applied version whose file is gone; or, asked to, only records where
 * {@code migrate} resumes a failed or interrupted file.
 */
final class MongoRepair {
    private final CommandCatalog catalog;
    private final History history;
    private final HistoryCollection table;
    private final Server server;
    private final Clock clock;

    MongoRepair(CommandCatalog catalog, History history, HistoryCollection table, Server server, Clock clock) {
        this.catalog = catalog;
        this.history = history;
        this.table = table;
        this.server = server;
        this.clock = clock;
    }

    RepairResult run() {
        List<HistoryRow> failed = history.allFailedRows();
        table.delete(failed.stream().map(HistoryRow::rank).toList());
        List<String> realigned = new ArrayList<>();
        List<String> forgotten = new ArrayList<>();
        int rank = history.nextRank();
        for (HistoryRow row : history.latestVersionRows()) {
            if (row.type() != EntryType.VERSIONED || !row.success()) {
                continue;
            }
            CommandFile file = catalog.versioned().get(row.version());
            if (file == null) {
                table.insert(new HistoryRow(
                        rank++,
                        row.version(),
                        row.description(),
                        EntryType.DELETED,
                        row.script(),
                        row.checksum(),
                        server.installedBy(),
                        clock.instant(),
                        0,
                        true,
                        0,
                        null,
                        null));
                forgotten.add(row.script());
            } else if (!file.checksum().equals(row.checksum())) {
                table.updateChecksum(row.rank(), file.checksum());
                realigned.add(file.fileName());
            }
        }
        return new RepairResult(failed.stream().map(HistoryRow::script).toList(), realigned, forgotten);
    }

    /**
     * Records where the next {@code migrate} resumes a failed or interrupted file: a failed entry whose hashes are
     * the file's as it is now and whose applied count says commands before {@code command} ran (or, one past the
     * last command, a successful entry: the file counts as applied).
     */
    RepairResult resumeAt(String name, int command) {
        HistoryRow failed = lastRowOf(name)
                .filter(r -> !r.success() && r.type() != EntryType.UNDO)
                .orElseThrow(() -> new MigrationException(
                        ErrorCode.INVALID_VERSION,
                        "--resume-at " + name + ":" + command + ": " + name
                                + " has no failed or interrupted run to resume (see `keelson db status`)"));
        CommandFile file = Optional.ofNullable(catalog.versioned().get(failed.version()))
                .orElseThrow(() -> new MigrationException(
                        ErrorCode.INVALID_VERSION,
                        "--resume-at: the file of " + failed.script() + " is gone; restore it first"));
        int n = file.commands().size();
        if (command > n + 1) {
            throw new MigrationException(
                    ErrorCode.INVALID_VERSION,
                    "--resume-at " + name + ":" + command + ": " + file.fileName() + " has " + n
                            + " command(s); give 1 to " + (n + 1) + " (" + (n + 1) + ": all of them ran)");
        }
        boolean complete = command == n + 1;
        table.insert(new HistoryRow(
                history.nextRank(),
                failed.version(),
                failed.description(),
                failed.type(),
                file.fileName(),
                file.checksum(),
                server.installedBy(),
                clock.instant(),
                0,
                complete,
                command - 1,
                complete ? null : "repair --resume-at: resume at command " + command,
                file.hashes()));
        String point = file.fileName()
                + (complete
                        ? " counts as applied (all " + n + " commands ran)"
                        : " resumes at command " + command + " of " + n);
        return new RepairResult(List.of(), List.of(), List.of(), List.of(point), List.of());
    }

    private Optional<HistoryRow> lastRowOf(String name) {
        Optional<HistoryRow> byFile = history.latestVersionRows().stream()
                .filter(r -> name.equals(r.script()))
                .findFirst();
        if (byFile.isPresent() || !name.matches("[0-9][0-9._]*")) {
            return byFile;
        }
        return history.latest(Version.parse(name));
    }
}
