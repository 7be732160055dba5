package dev.keelson.migrate.internal.database.mongodb;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationState;
import dev.keelson.migrate.RollbackOptions;
import dev.keelson.migrate.ValidationProblem;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.internal.engine.RollbackPlan;
import dev.keelson.migrate.internal.history.EntryType;
import dev.keelson.migrate.internal.history.History;
import dev.keelson.migrate.internal.history.HistoryRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code migrate} and {@code rollback} run, in order, from the files and the history; refuses (before
 * anything runs) what cannot run: changed or missing applied files, a target below the schema version, pending
 * versions below the newest applied one, a failed file that cannot be resumed, a version without undo file.
 */
final class MongoPlan {
    private final CommandCatalog catalog;
    private final History history;

    MongoPlan(CommandCatalog catalog, History history) {
        this.catalog = catalog;
        this.history = history;
    }

    List<CommandStep> migrate(Version target, boolean outOfOrder) {
        refuseInvalid();
        Optional<Version> current = history.schemaVersion();
        if (target != null && current.isPresent() && target.compareTo(current.get()) < 0) {
            throw new MigrationException(
                    MigrationErrorCode.INVALID_VERSION,
                    "Target " + target + " is below the schema version " + current.get()
                            + "; migrate only moves forward, use `keelson db rollback --to " + target + "`");
        }
        var files = target == null ? catalog.versioned() : catalog.versioned().headMap(target, true);
        List<CommandStep> pending = new ArrayList<>();
        for (CommandFile f : files.values()) {
            if (!history.isApplied(f.version()) && !history.isBelowBaseline(f.version())) {
                pending.add(new CommandStep(f, 0));
            }
        }
        checkOrder(pending, outOfOrder);
        for (HistoryRow failed : history.failed()) {
            int i = indexOf(pending, failed);
            pending.set(i, resume(failed, i < 0 ? null : pending.get(i)));
        }
        return pending;
    }

    private static int indexOf(List<CommandStep> pending, HistoryRow row) {
        for (int i = 0; i < pending.size(); i++) {
            if (row.type() != EntryType.UNDO && pending.get(i).file().version().equals(row.version())) {
                return i;
            }
        }
        return -1;
    }

    /** The step that resumes a failed file at its failed command, or a refusal naming what to run. */
    private static CommandStep resume(HistoryRow row, CommandStep current) {
        String file = row.script();
        int applied = row.statementsApplied();
        int at = applied + 1;
        String where = "command " + at + (row.statementCount() < 0 ? "" : " of " + row.statementCount());
        String startOver = "undo what commands 1 to " + applied
                + " did by hand and run `keelson db repair`, so migrate runs the file from its first command";
        if (row.type() == EntryType.UNDO || row.statementHashes() == null || current == null) {
            String reason = row.type() == EntryType.UNDO
                    ? "its undo failed half-way"
                    : "its file is not part of this run (gone, or above the target)";
            throw refuse("A previous run of " + file + " stopped at " + where + " ("
                    + (row.interrupted() ? "interrupted" : row.error()) + ") and " + reason
                    + ". Clean up what it left, then run `keelson db repair` to clear the failed entry before migrating"
                    + " again");
        }
        int changed = current.file().hashes().firstDifference(row.statementHashes(), applied);
        if (row.interrupted()) {
            throw refuse(file + " was interrupted at " + where + ": commands 1 to " + applied + " ran, but the migrator"
                    + " stopped (killed, or its connection lost) while command " + at + " ran, so whether that one took"
                    + " effect is unknown. Look at the database, then run `keelson db repair --resume-at " + file + ":"
                    + at + "` if it did not take effect, or `keelson db repair --resume-at " + file + ":" + (at + 1)
                    + "` if it did; migrate then resumes there. Or " + startOver + ".");
        }
        if (changed != 0) {
            throw refuse("Command " + changed + " of " + file + " ran before the file failed at " + where + " ("
                    + row.error() + "), and has changed since; migrate resumes a failed file only when the commands"
                    + " that ran are unchanged. Restore it as it ran; or, if the new text is equivalent, accept it with"
                    + " `keelson db repair --resume-at " + file + ":" + at + "`; or " + startOver + ".");
        }
        return new CommandStep(
                current.file(), Math.min(applied, current.file().commands().size()));
    }

    private static MigrationException refuse(String message) {
        return new MigrationException(MigrationErrorCode.FAILED_MIGRATION_PRESENT, message);
    }

    private void checkOrder(List<CommandStep> pending, boolean outOfOrder) {
        List<Version> applied = history.appliedVersions();
        if (outOfOrder || applied.isEmpty()) {
            return;
        }
        Version highest = applied.getLast();
        List<String> below = pending.stream()
                .filter(s -> s.file().version().compareTo(highest) < 0)
                .map(s -> s.file().fileName())
                .toList();
        if (!below.isEmpty()) {
            throw new MigrationException(
                    MigrationErrorCode.OUT_OF_ORDER,
                    "Pending " + String.join(", ", below) + (below.size() == 1 ? " has a version" : " have versions")
                            + " below the newest applied version " + highest + "; renumber above " + highest
                            + ", or allow out-of-order migrations (outOfOrder)");
        }
    }

    private void refuseInvalid() {
        List<ValidationProblem> problems = new MongoStatus(catalog, history, Optional.empty())
                .problems().stream()
                        .filter(p -> p.state() != MigrationState.FAILED)
                        .toList();
        if (!problems.isEmpty()) {
            StringBuilder text = new StringBuilder("Validation failed, nothing was migrated:");
            problems.forEach(p -> text.append("\n  - ").append(p.message()));
            throw new MigrationException(MigrationErrorCode.VALIDATION_FAILED, text.toString());
        }
    }

    /** The undo files of a rollback, newest version first. */
    List<CommandStep> rollback(RollbackOptions options) {
        List<HistoryRow> failed = history.failed();
        if (!failed.isEmpty()) {
            HistoryRow f = failed.getFirst();
            throw refuse("A previous run of " + f.script() + " failed after " + f.statementsApplied()
                    + " command(s) (" + (f.interrupted() ? "interrupted" : f.error()) + "). Clean up what it left,"
                    + " then run `keelson db repair` to clear the failed entry before rolling back");
        }
        List<Version> versions = new RollbackPlan(history, options).versions();
        List<CommandStep> undo = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Version v : versions) {
            catalog.undoOf(v)
                    .ifPresentOrElse(
                            u -> undo.add(new CommandStep(u, 0)),
                            () -> missing.add(
                                    history.latest(v).map(HistoryRow::script).orElse("version " + v)
                                            + " has no undo file U" + v + "__*.json"));
        }
        if (!missing.isEmpty()) {
            throw new MigrationException(
                    MigrationErrorCode.MISSING_UNDO,
                    "Cannot roll back: " + String.join("; ", missing)
                            + ". Nothing was run; write the missing undo file(s) first");
        }
        return undo;
    }

    /** The schema version after {@code undo} ran. */
    Optional<Version> after(List<CommandStep> undo) {
        Set<Version> undone = new HashSet<>();
        undo.forEach(s -> undone.add(s.file().version()));
        return history.appliedVersions().stream()
                .filter(v -> !undone.contains(v))
                .reduce((a, b) -> b)
                .or(() -> history.baseline().map(HistoryRow::version));
    }
}
