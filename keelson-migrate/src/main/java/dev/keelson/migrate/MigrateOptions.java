package dev.keelson.migrate;

/**
 * Options of one {@code migrate} run.
 *
 * @param target  the highest version to apply; {@code null} for all pending
 * @param dryRun  print what would run; change nothing and take no lock that blocks others
 */
public record MigrateOptions(Version target, boolean dryRun) {
    /** Apply everything pending. */
    public static MigrateOptions latest() {
        return new MigrateOptions(null, false);
    }

    public MigrateOptions withTarget(Version target) {
        return new MigrateOptions(target, dryRun);
    }

    public MigrateOptions withDryRun(boolean dryRun) {
        return new MigrateOptions(target, dryRun);
    }
}
