package dev.keelson.migrate.internal.sql;

/**
 * How one database's own client cuts scripts into statements: each database's package has its {@link ScriptRules}
 * and its {@code Dialect} gives them here. Every client knows what the {@link ScriptScanner} core knows ({@code ;},
 * {@code --} and {@code /* *}{@code /} comments, {@code '…'} strings, {@code "…"} with {@code ""}) and reports an
 * unterminated string, quoted identifier, dollar quote or block comment with the line where it opened.
 */
@FunctionalInterface
public interface SplitRules {

    /** Fresh rules for splitting one script. */
    ScriptRules forScript();
}
