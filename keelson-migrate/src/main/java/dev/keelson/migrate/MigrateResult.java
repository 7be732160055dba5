package dev.keelson.migrate;

import dev.keelson.migrate.lint.LintReport;
import java.util.List;
import java.util.Optional;

/**
 * What {@code migrate} did (or, with {@code dryRun}, would do).
 *
 * @param migrations     applied in order; empty when the schema was up to date
 * @param schemaVersion  the newest applied version afterwards (for a dry run, the one it would reach)
 * @param dryRun         true when nothing was changed
 * @param lint           what the lint before the run found below error level (warnings); empty when it was off
 */
public record MigrateResult(
        List<ExecutedMigration> migrations, Optional<Version> schemaVersion, boolean dryRun, LintReport lint) {
    public MigrateResult {
        migrations = List.copyOf(migrations);
        lint = lint == null ? LintReport.EMPTY : lint;
    }

    public MigrateResult(List<ExecutedMigration> migrations, Optional<Version> schemaVersion, boolean dryRun) {
        this(migrations, schemaVersion, dryRun, LintReport.EMPTY);
    }
}
