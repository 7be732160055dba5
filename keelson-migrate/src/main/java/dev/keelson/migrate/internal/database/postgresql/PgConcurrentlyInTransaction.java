package dev.keelson.migrate.internal.database.postgresql;

import dev.keelson.migrate.internal.lint.FileContext;
import dev.keelson.migrate.internal.lint.LintStatement;
import dev.keelson.migrate.internal.lint.Rule;
import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.RuleInfo;
import dev.keelson.migrate.lint.Severity;

/** {@code CONCURRENTLY} in a file that runs inside a transaction. */
final class PgConcurrentlyInTransaction implements Rule {
    @Override
    public RuleInfo info() {
        return new RuleInfo(
                "pg-concurrently-in-transaction",
                Severity.ERROR,
                "postgresql",
                "CONCURRENTLY in a migration that runs inside a transaction");
    }

    @Override
    public String why() {
        return "PostgreSQL refuses CREATE/DROP INDEX CONCURRENTLY and REINDEX CONCURRENTLY inside a transaction block, "
                + "so the migration fails when it runs";
    }

    @Override
    public String fix() {
        return "put the statement in its own file with the line -- keelson:no-transaction";
    }

    @Override
    public void check(LintStatement statement, FileContext file, Sink sink) {
        if (file.dialect() == LintDialect.POSTGRESQL
                && statement.tokens().has("CONCURRENTLY")
                && file.transactional()) {
            sink.report(statement.line(), "CONCURRENTLY in a file without -- keelson:no-transaction");
        }
    }
}
