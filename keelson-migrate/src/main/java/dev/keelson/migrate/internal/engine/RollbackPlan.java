package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.RollbackOptions;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.internal.history.History;
import java.util.ArrayList;
import java.util.List;

/**
 * Which applied versions {@code rollback} undoes, newest first. The baseline is never undone. Shared by every engine:
 * it reads only the history.
 */
public final class RollbackPlan {
    private final History history;
    private final RollbackOptions options;

    public RollbackPlan(History history, RollbackOptions options) {
        this.history = history;
        this.options = options;
    }

    /**
     * @throws MigrationException {@link MigrationErrorCode#NOTHING_TO_ROLLBACK} when there is nothing (or not enough) to
     *     undo, {@link MigrationErrorCode#INVALID_VERSION} for a {@code to} below the baseline
     */
    public List<Version> versions() {
        List<Version> undoable = new ArrayList<>(history.appliedVersions().stream()
                        .filter(v -> !history.isBelowBaseline(v))
                        .toList())
                .reversed();
        if (undoable.isEmpty()) {
            throw new MigrationException(
                    MigrationErrorCode.NOTHING_TO_ROLLBACK,
                    "Nothing to roll back: no migration is applied"
                            + history.baseline()
                                    .map(b -> " above the baseline " + b.version())
                                    .orElse(""));
        }
        return options.to() != null ? above(undoable, options.to()) : newest(undoable, options.steps());
    }

    private List<Version> above(List<Version> undoable, Version to) {
        history.baseline().ifPresent(b -> {
            if (to.compareTo(b.version()) < 0) {
                throw new MigrationException(
                        MigrationErrorCode.INVALID_VERSION,
                        "Cannot roll back to " + to + ": it is below the baseline " + b.version());
            }
        });
        List<Version> versions =
                undoable.stream().filter(v -> v.compareTo(to) > 0).toList();
        if (versions.isEmpty()) {
            throw new MigrationException(
                    MigrationErrorCode.NOTHING_TO_ROLLBACK,
                    "Nothing to roll back: no applied version is above " + to + " (schema version "
                            + undoable.getFirst() + ")");
        }
        return versions;
    }

    private static List<Version> newest(List<Version> undoable, int steps) {
        if (steps > undoable.size()) {
            throw new MigrationException(
                    MigrationErrorCode.NOTHING_TO_ROLLBACK,
                    "Cannot roll back " + steps + " steps: only " + undoable.size()
                            + " applied migration(s) can be rolled back; nothing was run");
        }
        return undoable.subList(0, steps);
    }
}
