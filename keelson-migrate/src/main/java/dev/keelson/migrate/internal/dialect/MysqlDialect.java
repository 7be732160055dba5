package dev.keelson.migrate.internal.dialect;

import dev.keelson.migrate.internal.sql.SplitRules;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * MySQL and MariaDB: DDL commits implicitly, so a failed migration stays half-applied and is recorded as
 * failed; the lock is {@code GET_LOCK(name, 0)} polled.
 */
public record MysqlDialect() implements Dialect {
    @Override
    public String name() {
        return "MySQL/MariaDB";
    }

    @Override
    public SplitRules splitRules() {
        return SplitRules.MYSQL;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public String textType() {
        return "TEXT";
    }

    @Override
    public String timestampType() {
        return "DATETIME(3)";
    }

    @Override
    public MigrationLock lock(Connection lockConnection, String historyTable, LockWaiter waiter) throws SQLException {
        return NamedLock.acquire(lockConnection, historyTable, waiter);
    }
}
