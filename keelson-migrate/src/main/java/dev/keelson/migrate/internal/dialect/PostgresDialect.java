package dev.keelson.migrate.internal.dialect;

import dev.keelson.migrate.internal.sql.SplitRules;
import dev.keelson.migrate.internal.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/** PostgreSQL: transactional DDL, a session advisory lock polled with {@code pg_try_advisory_lock}. */
public record PostgresDialect() implements Dialect {
    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public SplitRules splitRules() {
        return SplitRules.POSTGRESQL;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /**
     * {@code synchronous_commit = off} for all but the last migration of a run: each commit is still atomic
     * (schema change and history row together) but does not wait for its own WAL flush; the last commit, made
     * with the setting restored, flushes the WAL up to it and so makes every earlier commit durable too. A
     * server crash mid-run can lose only the newest migrations of that run, each entirely, never half.
     */
    @Override
    public List<String> relaxedCommits() {
        return List.of("SET synchronous_commit TO off");
    }

    @Override
    public List<String> strictCommits() {
        return List.of("RESET synchronous_commit");
    }

    /** {@code COPY ... FROM STDIN} with its inline data goes through the driver's copy API; the rest as usual. */
    @Override
    public void execute(Statement statement, SqlStatement sql) throws SQLException {
        Optional<SqlStatement.CopyIn> copy = sql.copyIn();
        if (copy.isPresent()) {
            CopyIn.run(statement.getConnection(), copy.get());
        } else {
            statement.execute(sql.sql());
        }
    }

    @Override
    public MigrationLock lock(Connection lockConnection, String historyTable, LockWaiter waiter) throws SQLException {
        return AdvisoryLock.acquire(lockConnection, historyTable, waiter);
    }
}
