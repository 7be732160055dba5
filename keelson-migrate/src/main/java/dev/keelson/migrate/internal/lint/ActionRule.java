package dev.keelson.migrate.internal.lint;

import dev.keelson.migrate.lint.LintDialect;

/**
 * A rule about one action of an {@code ALTER TABLE} on an existing table (tables created earlier in the same file
 * are new and empty, so nothing there can lock or break anything).
 */
public abstract class ActionRule implements Rule {
    @Override
    public final void check(LintStatement statement, FileContext file, Sink sink) {
        if (!appliesTo(file.dialect())) {
            return;
        }
        statement.alterTable().filter(alter -> !file.isNew(alter.table())).ifPresent(alter -> {
            for (Tokens action : alter.actions()) {
                checkAction(
                        alter.table(), action, file, (line, message) -> sink.report(statement.lineOf(action), message));
            }
        });
    }

    /** Whether the rule runs for files of {@code dialect}. */
    protected abstract boolean appliesTo(LintDialect dialect);

    /** Checks one action; the sink's line is replaced by the action's line. */
    protected abstract void checkAction(String table, Tokens action, FileContext file, Sink sink);
}
