package dev.keelson.migrate.internal.sql;

import java.util.List;
import java.util.Objects;

/**
 * Cuts a SQL script into statements the way the database's own client would. Thread-safe and stateless.
 *
 * <pre>{@code
 * List<SqlStatement> statements = new StatementSplitter(dialect.splitRules()).split(script);
 * }</pre>
 *
 * <p>Each statement's text has no terminating delimiter and no leading or trailing whitespace; comments before
 * a statement are dropped, comments inside it are kept. Statements made only of comments and whitespace are
 * dropped. Line numbers are 1-based and count {@code \n}, {@code \r\n} and a lone {@code \r} as one line break
 * each. See each database's {@link ScriptRules} for what its client recognises.
 */
public final class StatementSplitter {
    private final SplitRules rules;

    public StatementSplitter(SplitRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * Splits {@code script} into statements, in order; empty statements (only comments or whitespace) are
     * dropped.
     *
     * @throws SqlParseException naming the line when a string, quoted identifier, dollar quote or block
     *     comment is never closed
     */
    public List<SqlStatement> split(String script) {
        return new ScriptScanner(script, rules.forScript()).scan();
    }
}
