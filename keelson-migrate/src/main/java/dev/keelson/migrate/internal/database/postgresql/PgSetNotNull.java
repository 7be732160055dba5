package dev.keelson.migrate.internal.database.postgresql;

import dev.keelson.migrate.internal.lint.ActionRule;
import dev.keelson.migrate.internal.lint.FileContext;
import dev.keelson.migrate.internal.lint.Tokens;
import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.RuleInfo;
import dev.keelson.migrate.lint.Severity;

/** {@code ALTER COLUMN c SET NOT NULL} with no validated {@code CHECK (c IS NOT NULL)} before it. */
final class PgSetNotNull extends ActionRule {
    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "pg-set-not-null-without-check",
                Severity.ERROR,
                "postgresql",
                "SET NOT NULL without a prior validated CHECK (column IS NOT NULL)");
    }

    @Override
    public String why() {
        return "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes";
    }

    @Override
    public String fix() {
        return "first ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID, then VALIDATE CONSTRAINT c (in an earlier "
                + "statement or migration); SET NOT NULL then skips the scan (PostgreSQL 12+)";
    }

    @Override
    protected boolean appliesTo(LintDialect dialect) {
        return dialect == LintDialect.POSTGRESQL;
    }

    @Override
    protected void checkAction(String table, Tokens action, FileContext file, Sink sink) {
        int c = action.skip(1, "COLUMN");
        if (action.startsWith("ALTER") && action.at(c + 1, "SET", "NOT", "NULL")) {
            String column = action.nameAt(c);
            if (!file.schema().hasValidatedNotNullCheck(table, column)) {
                sink.report(
                        0,
                        "SET NOT NULL on " + table + "." + column + " without a validated CHECK (" + column
                                + " IS NOT NULL)");
            }
        }
    }
}
