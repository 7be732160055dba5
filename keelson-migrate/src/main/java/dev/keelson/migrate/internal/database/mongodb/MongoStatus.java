package dev.keelson.migrate.internal.database.mongodb;

import dev.keelson.migrate.MigrationInfo;
import dev.keelson.migrate.MigrationState;
import dev.keelson.migrate.MigrationType;
import dev.keelson.migrate.ValidationProblem;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.internal.history.EntryType;
import dev.keelson.migrate.internal.history.History;
import dev.keelson.migrate.internal.history.HistoryRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Joins the files with the history into {@code status} rows (by version) and {@code validate}'s problems. */
final class MongoStatus {
    private final CommandCatalog catalog;
    private final History history;
    private final Optional<String> lockHolder;
    private final Optional<Version> highestApplied;

    /** @param lockHolder who holds the lock now, asked when a row looks unfinished */
    MongoStatus(CommandCatalog catalog, History history, Optional<String> lockHolder) {
        this.catalog = catalog;
        this.history = history;
        this.lockHolder = lockHolder;
        List<Version> applied = history.appliedVersions();
        this.highestApplied = applied.isEmpty() ? Optional.empty() : Optional.of(applied.getLast());
    }

    List<MigrationInfo> rows() {
        TreeMap<Version, MigrationInfo> byVersion = new TreeMap<>();
        for (CommandFile f : catalog.versioned().values()) {
            byVersion.put(f.version(), fileRow(f));
        }
        for (HistoryRow row : history.latestVersionRows()) {
            if (!byVersion.containsKey(row.version())) {
                if (!row.success()) {
                    byVersion.put(row.version(), fromRow(row, MigrationState.FAILED, false));
                } else if (row.type() == EntryType.VERSIONED) {
                    byVersion.put(row.version(), fromRow(row, MigrationState.MISSING_FILE, false));
                }
            }
        }
        List<MigrationInfo> rows = new ArrayList<>();
        history.baseline()
                .ifPresent(b -> rows.add(new MigrationInfo(
                        MigrationType.BASELINE,
                        b.version(),
                        b.description(),
                        null,
                        MigrationState.BASELINE,
                        null,
                        b.installedOn(),
                        b.installedBy(),
                        Duration.ZERO,
                        null,
                        false)));
        rows.addAll(byVersion.values());
        return rows;
    }

    List<ValidationProblem> problems() {
        List<ValidationProblem> problems = new ArrayList<>();
        for (MigrationInfo info : rows()) {
            String script = info.script();
            String message = switch (info.state()) {
                case CHANGED ->
                    script + " changed since it was applied (its commands, not only white space or comments);"
                            + " restore it, or run `keelson db repair` if the edit was deliberate";
                case MISSING_FILE ->
                    script + " was applied but its file is gone; restore it, or run `keelson db repair` to"
                            + " forget it";
                case FAILED ->
                    script + " " + info.failure() + "; run `keelson db migrate` to resume it after a fix (it"
                            + " says what to run when it cannot)";
                default -> null;
            };
            if (message != null) {
                problems.add(new ValidationProblem(info.state(), info.version(), script, message));
            }
        }
        return problems;
    }

    private MigrationInfo fileRow(CommandFile f) {
        boolean hasUndo = catalog.undo().containsKey(f.version());
        Optional<HistoryRow> row = history.latest(f.version());
        if (row.isPresent() && !row.get().success()) {
            return withFile(fromRow(row.get(), MigrationState.FAILED, hasUndo), f);
        }
        if (row.isPresent() && row.get().type() == EntryType.VERSIONED) {
            MigrationState state = !f.checksum().equals(row.get().checksum())
                    ? MigrationState.CHANGED
                    : history.appliedOutOfOrder(f.version()) ? MigrationState.OUT_OF_ORDER : MigrationState.APPLIED;
            return fromRow(row.get(), state, hasUndo);
        }
        MigrationState state = history.isBelowBaseline(f.version())
                ? MigrationState.BASELINE
                : highestApplied.isPresent() && f.version().compareTo(highestApplied.get()) < 0
                        ? MigrationState.OUT_OF_ORDER
                        : MigrationState.PENDING;
        return new MigrationInfo(
                MigrationType.VERSIONED,
                f.version(),
                f.description(),
                f.fileName(),
                state,
                f.checksum(),
                null,
                null,
                null,
                null,
                hasUndo);
    }

    private static MigrationInfo withFile(MigrationInfo info, CommandFile f) {
        return new MigrationInfo(
                info.type(),
                info.version(),
                info.description(),
                f.fileName(),
                info.state(),
                f.checksum(),
                info.appliedAt(),
                info.appliedBy(),
                info.executionTime(),
                info.failure(),
                info.hasUndo());
    }

    private MigrationInfo fromRow(HistoryRow row, MigrationState state, boolean hasUndo) {
        return new MigrationInfo(
                row.type() == EntryType.UNDO ? MigrationType.UNDO : MigrationType.VERSIONED,
                row.version(),
                row.description(),
                row.script(),
                state,
                row.checksum(),
                row.installedOn(),
                row.installedBy(),
                Duration.ofMillis(row.executionMillis()),
                state == MigrationState.FAILED ? failure(row) : null,
                hasUndo);
    }

    private String failure(HistoryRow row) {
        String at = "at command " + (row.statementsApplied() + 1)
                + (row.statementCount() < 0 ? "" : " of " + row.statementCount());
        if (!row.interrupted()) {
            return "failed " + at + ": " + row.error();
        }
        return lockHolder
                .map(h -> "is running now, " + at + " (lock held by " + h + ")")
                .orElse("was interrupted " + at + " (killed, or its connection lost)");
    }
}
