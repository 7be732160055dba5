package dev.keelson.migrate;

/**
 * Options of one {@code rollback} run: either a number of steps or a version to return to.
 *
 * @param steps  how many of the newest applied versions to undo (at least 1) when {@code to} is null
 * @param to     undo every applied version above this one; {@code null} to use {@code steps}
 * @param dryRun print what would run; change nothing
 */
public record RollbackOptions(int steps, Version to, boolean dryRun) {
    public RollbackOptions {
        if (to == null && steps < 1) {
            throw new MigrationException(MigrationErrorCode.CONFIGURATION, "steps must be at least 1, was " + steps);
        }
    }

    public static RollbackOptions steps(int steps) {
        return new RollbackOptions(steps, null, false);
    }

    /** Undo every applied version: the same as {@code to(Version.parse("0"))}. */
    public static RollbackOptions all() {
        return to(Version.parse("0"));
    }

    public static RollbackOptions to(Version version) {
        return new RollbackOptions(0, version, false);
    }

    public RollbackOptions withDryRun(boolean dryRun) {
        return new RollbackOptions(steps, to, dryRun);
    }
}
