package dev.keelson.migrate;

import java.util.List;
import java.util.Optional;

/**
 * What {@code rollback} did (or, with {@code dryRun}, would do).
 *
 * @param undone        the undo scripts run, newest version first
 * @param schemaVersion the newest applied version afterwards; empty when nothing is applied any more
 * @param dryRun        true when nothing was changed
 */
public record RollbackResult(List<ExecutedMigration> undone, Optional<Version> schemaVersion, boolean dryRun) {
    public RollbackResult {
        undone = List.copyOf(undone);
    }
}
