package dev.keelson.migrate.internal.lint;

import dev.keelson.migrate.lint.RuleInfo;
import dev.keelson.migrate.lint.Severity;

/** {@code DROP TABLE} or {@code DROP COLUMN} of something that exists (not in undo files, whose job it is). */
final class DropTableOrColumn implements Rule {
    @Override
    public RuleInfo info() {
        return new RuleInfo("drop-table-or-column", Severity.ERROR, "all", "dropping a table or a column");
    }

    @Override
    public String why() {
        return "during a rolling deploy the old version of the code still reads and writes it, and fails until "
                + "every instance runs the new code; the data is gone for good";
    }

    @Override
    public String fix() {
        return "stop using it in a release first, drop it in a later migration, and suppress this finding there "
                + "with -- keelson:lint-ignore drop-table-or-column <reason>";
    }

    @Override
    public void check(LintStatement statement, FileContext file, Sink sink) {
        if (file.isUndo()) {
            return;
        }
        for (String table : statement.droppedTables()) {
            if (!file.isNew(table)) {
                sink.report(statement.line(), "table " + table + " dropped");
            }
        }
        statement.alterTable().filter(alter -> !file.isNew(alter.table())).ifPresent(alter -> {
            for (Tokens action : alter.actions()) {
                Shapes.droppedColumn(action)
                        .ifPresent(column -> sink.report(
                                statement.lineOf(action), "column " + alter.table() + "." + column + " dropped"));
            }
        });
    }
}
