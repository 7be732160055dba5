package dev.keelson.migrate.lint;

/**
 * One problem found in a migration file.
 *
 * @param file     the file name as given to the linter (a path or a bare file name)
 * @param line     the 1-based line of the statement (1 for file-level findings)
 * @param rule     the rule id, e.g. {@code pg-index-not-concurrent}
 * @param severity error or warning (never {@link Severity#OFF})
 * @param message  what was found, naming the table or column
 * @param why      why it is dangerous
 * @param fix      the safe alternative
 */
public record Finding(String file, int line, String rule, Severity severity, String message, String why, String fix) {}
