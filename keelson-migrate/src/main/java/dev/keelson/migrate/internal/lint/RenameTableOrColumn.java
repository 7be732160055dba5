package dev.keelson.migrate.internal.lint;

import dev.keelson.migrate.lint.RuleInfo;
import dev.keelson.migrate.lint.Severity;

/** Renaming a table or a column (not in undo files). */
final class RenameTableOrColumn implements Rule {
    @Override
    public RuleInfo info() {
        return new RuleInfo("rename-table-or-column", Severity.ERROR, "all", "renaming a table or a column");
    }

    @Override
    public String why() {
        return "during a rolling deploy the old version of the code still uses the old name and fails until every "
                + "instance runs the new code";
    }

    @Override
    public String fix() {
        return "add the new column or table, write to both, backfill, move the readers, then drop the old one in a "
                + "later release (expand and contract); or a view under the old name for the transition";
    }

    @Override
    public void check(LintStatement statement, FileContext file, Sink sink) {
        if (file.isUndo()) {
            return;
        }
        for (String table : statement.renamedTables()) {
            if (table != null && !file.isNew(table)) {
                sink.report(statement.line(), "table " + table + " renamed");
            }
        }
        statement.alterTable().filter(alter -> !file.isNew(alter.table())).ifPresent(alter -> {
            for (Tokens action : alter.actions()) {
                String what = renamed(alter.table(), action);
                if (what != null) {
                    sink.report(statement.lineOf(action), what);
                }
            }
        });
    }

    private static String renamed(String table, Tokens action) {
        if (action.startsWith("RENAME")) {
            if (action.is(1, "TO") || action.is(1, "AS")) {
                return "table " + table + " renamed to " + action.nameAt(2);
            }
            if (action.is(1, "CONSTRAINT") || action.is(1, "INDEX") || action.is(1, "KEY")) {
                return null;
            }
            int c = action.skip(1, "COLUMN");
            return "column " + table + "." + action.nameAt(c) + " renamed to " + action.nameAt(c + 2);
        }
        if (action.startsWith("CHANGE")) {
            int c = action.skip(1, "COLUMN");
            String from = action.nameAt(c);
            String to = action.nameAt(action.nameEnd(c));
            return from != null && to != null && !from.equalsIgnoreCase(to)
                    ? "column " + table + "." + from + " renamed to " + to
                    : null;
        }
        return null;
    }
}
