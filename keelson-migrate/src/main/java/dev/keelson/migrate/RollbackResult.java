package dev.keelson.migrate;

import dev.keelson.migrate.lint.LintReport;
import java.util.List;
import java.util.Optional;

/**
 * What {@code rollback} did (or, with {@code dryRun}, would do).
 *
 * @param undone        the undo scripts run, newest version first
 * @param schemaVersion the newest applied version afterwards; empty when nothing is applied any more
 * @param dryRun        true when nothing was changed
 * @param lint          what the lint of the undo files found below error level (warnings); empty when it was off
 */
public record RollbackResult(
        List<ExecutedMigration> undone, Optional<Version> schemaVersion, boolean dryRun, LintReport lint) {
    public RollbackResult {
        undone = List.copyOf(undone);
        lint = lint == null ? LintReport.EMPTY : lint;
    }

    public RollbackResult(List<ExecutedMigration> undone, Optional<Version> schemaVersion, boolean dryRun) {
        this(undone, schemaVersion, dryRun, LintReport.EMPTY);
    }
}
