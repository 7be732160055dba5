package dev.keelson.migrate;

import dev.keelson.migrate.lint.LintReport;

/**
 * The lint that {@code migrate} or {@code rollback} runs first found errors ({@link MigrationErrorCode#LINT_FAILED}); nothing
 * was run. {@link #report()} holds every finding, for the caller to show.
 */
public final class LintFailedException extends MigrationException {
    private final transient LintReport report;

    public LintFailedException(String message, LintReport report) {
        super(MigrationErrorCode.LINT_FAILED, message);
        this.report = report;
    }

    /** The findings, errors and warnings. */
    public LintReport report() {
        return report;
    }
}
