package dev.keelson.migrate.lint;

import java.util.Map;
import java.util.Objects;

/**
 * What the linter checks against.
 *
 * @param dialect       the database the files are written for
 * @param serverVersion for {@link LintDialect#MYSQL}: the server's {@code SELECT VERSION()}, e.g. {@code 8.0.36}
 *                      or {@code 10.11.6-MariaDB}; decides which ALTER TABLE operations copy the table.
 *                      Ignored for PostgreSQL; {@code null} means the newest MariaDB LTS rules
 * @param severities    rule id → severity, overriding the defaults; unknown ids are refused by {@link Linter#of}
 */
public record LintConfig(LintDialect dialect, String serverVersion, Map<String, Severity> severities) {
    public LintConfig {
        Objects.requireNonNull(dialect, "dialect");
        severities = Map.copyOf(severities);
    }

    public static LintConfig of(LintDialect dialect) {
        return new LintConfig(dialect, null, Map.of());
    }
}
