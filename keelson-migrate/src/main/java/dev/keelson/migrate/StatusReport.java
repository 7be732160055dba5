package dev.keelson.migrate;

import java.util.List;
import java.util.Optional;

/**
 * Every migration known from the files or the history, in the order they apply.
 *
 * @param migrations    one row per migration
 * @param schemaVersion the newest applied version; empty on a fresh database
 */
public record StatusReport(List<MigrationInfo> migrations, Optional<Version> schemaVersion) {
    public StatusReport {
        migrations = List.copyOf(migrations);
    }

    /** The rows in the given state. */
    public List<MigrationInfo> inState(MigrationState state) {
        return migrations.stream().filter(m -> m.state() == state).toList();
    }
}
