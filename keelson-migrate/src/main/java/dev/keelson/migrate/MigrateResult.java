package dev.keelson.migrate;

import java.util.List;
import java.util.Optional;

/**
 * What {@code migrate} did (or, with {@code dryRun}, would do).
 *
 * @param migrations     applied in order; empty when the schema was up to date
 * @param schemaVersion  the newest applied version afterwards (for a dry run, the one it would reach)
 * @param dryRun         true when nothing was changed
 */
public record MigrateResult(List<ExecutedMigration> migrations, Optional<Version> schemaVersion, boolean dryRun) {
    public MigrateResult {
        migrations = List.copyOf(migrations);
    }
}
