package dev.keelson.migrate.internal.database.postgresql;

import dev.keelson.migrate.internal.lint.ActionRule;
import dev.keelson.migrate.internal.lint.FileContext;
import dev.keelson.migrate.internal.lint.Shapes;
import dev.keelson.migrate.internal.lint.Tokens;
import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.RuleInfo;
import dev.keelson.migrate.lint.Severity;

/** {@code ADD FOREIGN KEY} or {@code ADD CHECK} on an existing table without {@code NOT VALID}. */
final class PgConstraintNotValid extends ActionRule {
    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "pg-constraint-without-not-valid",
                Severity.ERROR,
                "postgresql",
                "a foreign key or check constraint added without NOT VALID");
    }

    @Override
    public String why() {
        return "the constraint is checked against every row while the table is locked (a foreign key also locks "
                + "the referenced table), blocking writes for the whole scan";
    }

    @Override
    public String fix() {
        return "ADD CONSTRAINT ... NOT VALID, then ALTER TABLE ... VALIDATE CONSTRAINT in a later statement, "
                + "which takes only a SHARE UPDATE EXCLUSIVE lock";
    }

    @Override
    protected boolean appliesTo(LintDialect dialect) {
        return dialect == LintDialect.POSTGRESQL;
    }

    @Override
    protected void checkAction(String table, Tokens action, FileContext file, Sink sink) {
        int kind = Shapes.addedConstraint(action);
        if (kind >= 0 && (action.is(kind, "FOREIGN") || action.is(kind, "CHECK")) && !action.has("NOT", "VALID")) {
            String what = action.is(kind, "FOREIGN") ? "foreign key" : "check constraint";
            sink.report(0, what + " added to " + table + " without NOT VALID");
        }
    }
}
