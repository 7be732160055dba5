package dev.keelson.migrate.internal.database.postgresql;

import dev.keelson.migrate.internal.lint.ActionRule;
import dev.keelson.migrate.internal.lint.FileContext;
import dev.keelson.migrate.internal.lint.Shapes;
import dev.keelson.migrate.internal.lint.Tokens;
import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.RuleInfo;
import dev.keelson.migrate.lint.Severity;

/** {@code ADD UNIQUE} / {@code ADD PRIMARY KEY} built directly instead of from a concurrently built index. */
final class PgUniqueConstraint extends ActionRule {
    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "pg-unique-constraint-without-index",
                Severity.ERROR,
                "postgresql",
                "a unique constraint or primary key added directly instead of from a concurrently built index");
    }

    @Override
    public String why() {
        return "the unique index is built while the table is ACCESS EXCLUSIVE locked: no reads or writes until done";
    }

    @Override
    public String fix() {
        return "CREATE UNIQUE INDEX CONCURRENTLY first (no-transaction file), then ADD CONSTRAINT c UNIQUE USING INDEX idx";
    }

    @Override
    protected boolean appliesTo(LintDialect dialect) {
        return dialect == LintDialect.POSTGRESQL;
    }

    @Override
    protected void checkAction(String table, Tokens action, FileContext file, Sink sink) {
        int kind = Shapes.addedConstraint(action);
        if (kind >= 0 && (action.is(kind, "UNIQUE") || action.is(kind, "PRIMARY")) && !action.has("USING", "INDEX")) {
            String what = action.is(kind, "UNIQUE") ? "unique constraint" : "primary key";
            sink.report(0, what + " added to " + table + " without USING INDEX");
        }
    }
}
