package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.MigrationInfo;
import dev.keelson.migrate.MigrationState;
import dev.keelson.migrate.MigrationType;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.internal.history.EntryType;
import dev.keelson.migrate.internal.history.History;
import dev.keelson.migrate.internal.history.HistoryRow;
import dev.keelson.migrate.internal.resolve.MigrationScript;
import dev.keelson.migrate.internal.resolve.ScriptCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Joins the files with the history into {@code status} rows: versioned (and baseline) rows by version, then
 * repeatable ones by description. Linear in files plus history rows (plus sorting).
 */
final class StatusRows {
    private final ScriptCatalog catalog;
    private final History history;
    private final Optional<Version> highestApplied;
    private final Optional<String> lockHolder;

    /** @param lockHolder who holds the migration lock now, asked when a row looks unfinished (see {@link #failure}) */
    StatusRows(ScriptCatalog catalog, History history, Optional<String> lockHolder) {
        this.catalog = catalog;
        this.history = history;
        this.lockHolder = lockHolder;
        List<Version> applied = history.appliedVersions();
        this.highestApplied = applied.isEmpty() ? Optional.empty() : Optional.of(applied.getLast());
    }

    List<MigrationInfo> build() {
        TreeMap<Version, MigrationInfo> versioned = new TreeMap<>();
        for (Map.Entry<Version, MigrationScript> e : catalog.versioned().entrySet()) {
            versioned.put(e.getKey(), versionedFile(e.getValue()));
        }
        for (HistoryRow row : history.latestVersionRows()) {
            if (!versioned.containsKey(row.version())) {
                missingVersioned(row).ifPresent(info -> versioned.put(row.version(), info));
            }
        }
        List<MigrationInfo> rows = new ArrayList<>();
        history.baseline().ifPresent(b -> rows.add(baselineRow(b)));
        rows.addAll(versioned.values());
        rows.sort((a, b) -> a.version().compareTo(b.version()));
        for (MigrationScript r : catalog.repeatable().values()) {
            rows.add(repeatableFile(r));
        }
        for (HistoryRow row : history.latestRepeatableRows()) {
            if (!catalog.repeatable().containsKey(row.description()) && row.type() == EntryType.REPEATABLE) {
                rows.add(fromRow(
                        MigrationType.REPEATABLE,
                        row,
                        row.success() ? MigrationState.MISSING_FILE : MigrationState.FAILED,
                        false));
            }
        }
        return rows;
    }

    /** The state of a versioned file. */
    MigrationState stateOf(MigrationScript file) {
        Optional<HistoryRow> row = history.latest(file.version());
        if (row.isPresent() && !row.get().success()) {
            return MigrationState.FAILED;
        }
        if (row.isPresent() && row.get().type() == EntryType.VERSIONED) {
            if (!file.matches(row.get().checksum())) {
                return MigrationState.CHANGED;
            }
            return history.appliedOutOfOrder(file.version()) ? MigrationState.OUT_OF_ORDER : MigrationState.APPLIED;
        }
        if (history.isBelowBaseline(file.version())) {
            return MigrationState.BASELINE;
        }
        boolean below = highestApplied.isPresent() && file.version().compareTo(highestApplied.get()) < 0;
        return below ? MigrationState.OUT_OF_ORDER : MigrationState.PENDING;
    }

    /** The state of a repeatable file: pending when new or changed since it last ran. */
    MigrationState repeatableState(MigrationScript repeatable) {
        Optional<HistoryRow> row = history.latestRepeatable(repeatable.description());
        if (row.isEmpty() || row.get().type() != EntryType.REPEATABLE) {
            return MigrationState.PENDING;
        }
        if (!row.get().success()) {
            return MigrationState.FAILED;
        }
        return repeatable.matches(row.get().checksum()) ? MigrationState.APPLIED : MigrationState.PENDING;
    }

    private MigrationInfo versionedFile(MigrationScript file) {
        MigrationState state = stateOf(file);
        boolean hasUndo = catalog.undoOf(file.version()).isPresent();
        Optional<HistoryRow> row = history.latest(file.version());
        if (row.isPresent()
                && (row.get().type() == EntryType.VERSIONED || !row.get().success())) {
            HistoryRow r = row.get();
            return new MigrationInfo(
                    MigrationType.VERSIONED,
                    file.version(),
                    file.description(),
                    file.fileName(),
                    state,
                    file.checksum(),
                    r.installedOn(),
                    r.installedBy(),
                    Duration.ofMillis(r.executionMillis()),
                    failure(r),
                    hasUndo);
        }
        return new MigrationInfo(
                MigrationType.VERSIONED,
                file.version(),
                file.description(),
                file.fileName(),
                state,
                file.checksum(),
                null,
                null,
                null,
                null,
                hasUndo);
    }

    private MigrationInfo repeatableFile(MigrationScript file) {
        MigrationState state = repeatableState(file);
        Optional<HistoryRow> row =
                history.latestRepeatable(file.description()).filter(r -> r.type() == EntryType.REPEATABLE);
        if (row.isEmpty()) {
            return new MigrationInfo(
                    MigrationType.REPEATABLE,
                    null,
                    file.description(),
                    file.fileName(),
                    state,
                    file.checksum(),
                    null,
                    null,
                    null,
                    null,
                    false);
        }
        HistoryRow r = row.get();
        return new MigrationInfo(
                MigrationType.REPEATABLE,
                null,
                file.description(),
                file.fileName(),
                state,
                file.checksum(),
                r.installedOn(),
                r.installedBy(),
                Duration.ofMillis(r.executionMillis()),
                failure(r),
                false);
    }

    private Optional<MigrationInfo> missingVersioned(HistoryRow row) {
        if (!row.success()) {
            return Optional.of(fromRow(MigrationType.VERSIONED, row, MigrationState.FAILED, false));
        }
        if (row.type() == EntryType.VERSIONED) {
            return Optional.of(fromRow(MigrationType.VERSIONED, row, MigrationState.MISSING_FILE, false));
        }
        return Optional.empty();
    }

    private static MigrationInfo baselineRow(HistoryRow b) {
        return new MigrationInfo(
                MigrationType.BASELINE,
                b.version(),
                b.description(),
                null,
                MigrationState.BASELINE,
                null,
                b.installedOn(),
                b.installedBy(),
                Duration.ofMillis(b.executionMillis()),
                null,
                false);
    }

    private MigrationInfo fromRow(MigrationType type, HistoryRow r, MigrationState state, boolean hasUndo) {
        return new MigrationInfo(
                type,
                r.version(),
                r.description(),
                r.script(),
                state,
                r.checksum(),
                r.installedOn(),
                r.installedBy(),
                Duration.ofMillis(r.executionMillis()),
                failure(r),
                hasUndo);
    }

    /**
     * "failed at statement k of n: message" (k the statement that failed); for a run without an outcome, "running
     * statement k of n" while someone holds the lock, else "interrupted at statement k of n"; "failed after k
     * statement(s) ran" for rows of an older Keelson.
     */
    private String failure(HistoryRow r) {
        if (r.success()) {
            return null;
        }
        String undo = r.type() == EntryType.UNDO ? "undo " : "";
        if (r.statementCount() < 0) {
            return undo + "failed after " + r.statementsApplied() + " statement(s) ran: " + r.error();
        }
        String at = "statement " + (r.statementsApplied() + 1) + " of " + r.statementCount();
        if (!r.interrupted()) {
            return undo + "failed at " + at + ": " + r.error();
        }
        return lockHolder
                .map(holder -> undo + "running " + at + " now (or stopped there, while " + holder
                        + " holds the migration lock)")
                .orElse(undo + "interrupted at " + at + ": statements 1 to " + r.statementsApplied() + " ran, then the"
                        + " migrator stopped (killed, or its connection lost) while statement "
                        + (r.statementsApplied() + 1)
                        + " ran; run `keelson db migrate` for what to do");
    }
}
