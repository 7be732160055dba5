package dev.keelson.migrate.internal.database.postgresql;

import dev.keelson.migrate.internal.lint.ActionRule;
import dev.keelson.migrate.internal.lint.FileContext;
import dev.keelson.migrate.internal.lint.Shapes;
import dev.keelson.migrate.internal.lint.Tokens;
import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.RuleInfo;
import dev.keelson.migrate.lint.Severity;

/** {@code ADD COLUMN ... NOT NULL} without a {@code DEFAULT} on an existing table. */
final class PgAddNotNullColumn extends ActionRule {
    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "pg-add-not-null-column-without-default",
                Severity.ERROR,
                "postgresql",
                "adding a NOT NULL column without a DEFAULT");
    }

    @Override
    public String why() {
        return "existing rows have no value for the column, so the ALTER fails on any non-empty table";
    }

    @Override
    public String fix() {
        return "add the column with a DEFAULT (no rewrite since PostgreSQL 11), or add it nullable, backfill, "
                + "then SET NOT NULL after a validated CHECK";
    }

    @Override
    protected boolean appliesTo(LintDialect dialect) {
        return dialect == LintDialect.POSTGRESQL;
    }

    @Override
    protected void checkAction(String table, Tokens action, FileContext file, Sink sink) {
        Shapes.addedColumn(action).ifPresent(at -> {
            if (action.has("NOT", "NULL") && !action.has("DEFAULT") && !action.has("GENERATED")) {
                sink.report(0, "column " + action.nameAt(at) + " added to " + table + " as NOT NULL without DEFAULT");
            }
        });
    }
}
