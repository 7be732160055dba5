package dev.keelson.migrate.lint;

/**
 * A lint rule as documented.
 *
 * @param id              stable id, used in suppressions and {@code --severity}
 * @param defaultSeverity severity unless configured otherwise
 * @param dialects        where it applies: {@code postgresql}, {@code mysql} or {@code all}
 * @param summary         one line saying what it catches
 */
public record RuleInfo(String id, Severity defaultSeverity, String dialects, String summary) {}
