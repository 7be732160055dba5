package dev.keelson.migrate.internal.database.postgresql;

import dev.keelson.migrate.internal.lint.FileContext;
import dev.keelson.migrate.internal.lint.LintStatement;
import dev.keelson.migrate.internal.lint.Rule;
import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.RuleInfo;
import dev.keelson.migrate.lint.Severity;

/** {@code CREATE INDEX} without {@code CONCURRENTLY} on a table that already exists. */
final class PgIndexNotConcurrent implements Rule {
    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "pg-index-not-concurrent",
                Severity.ERROR,
                "postgresql",
                "CREATE INDEX without CONCURRENTLY on an existing table");
    }

    @Override
    public String why() {
        return "CREATE INDEX takes a SHARE lock: every INSERT, UPDATE and DELETE on the table waits until the whole "
                + "index is built, minutes on a big table";
    }

    @Override
    public String fix() {
        return "use CREATE INDEX CONCURRENTLY in its own file with -- keelson:no-transaction";
    }

    @Override
    public void check(LintStatement statement, FileContext file, Sink sink) {
        if (file.dialect() != LintDialect.POSTGRESQL) {
            return;
        }
        statement
                .createIndex()
                .filter(index -> !index.concurrently() && !file.isNew(index.table()))
                .ifPresent(index -> sink.report(
                        statement.line(), "CREATE INDEX on existing table " + index.table() + " without CONCURRENTLY"));
    }
}
