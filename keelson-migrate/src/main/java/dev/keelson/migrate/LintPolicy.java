package dev.keelson.migrate;

import dev.keelson.migrate.lint.Severity;
import java.util.Map;

/**
 * Whether and how {@link Migrator} lints the files it is about to run: {@code migrate} the pending versioned and
 * repeatable files (as one run: a table an earlier pending file creates is new, not existing), {@code rollback} the
 * undo files it will run. Error-level findings stop the command before anything runs
 * ({@link LintFailedException}, {@link MigrationErrorCode#LINT_FAILED}); warnings are returned with the result. PostgreSQL
 * and MySQL/MariaDB only: on SQLite and H2 nothing is linted.
 *
 * @param enabled       lint before running; on by default
 * @param severities    rule id → severity, overriding the rules' defaults (unknown ids are a configuration error)
 * @param serverVersion MySQL/MariaDB version whose online-DDL rules apply; {@code null} reads {@code VERSION()}
 */
public record LintPolicy(boolean enabled, Map<String, Severity> severities, String serverVersion) {
    public LintPolicy {
        severities = Map.copyOf(severities);
    }

    /** Lint with every rule at its default severity. */
    public static LintPolicy defaults() {
        return new LintPolicy(true, Map.of(), null);
    }

    /** No lint. */
    public static LintPolicy off() {
        return new LintPolicy(false, Map.of(), null);
    }

    public LintPolicy withSeverities(Map<String, Severity> severities) {
        return new LintPolicy(enabled, severities, serverVersion);
    }

    public LintPolicy withServerVersion(String serverVersion) {
        return new LintPolicy(enabled, severities, serverVersion);
    }
}
