package dev.keelson.migrate.internal.dialect;

import dev.keelson.migrate.internal.sql.SplitRules;
import java.sql.Connection;
import java.sql.SQLException;

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

    @Override
    public MigrationLock lock(Connection lockConnection, String historyTable, LockWaiter waiter) throws SQLException {
        return AdvisoryLock.acquire(lockConnection, historyTable, waiter);
    }
}
