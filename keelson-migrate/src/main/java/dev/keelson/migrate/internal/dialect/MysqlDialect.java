package dev.keelson.migrate.internal.dialect;

import dev.keelson.migrate.internal.sql.SplitRules;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

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
    public String longTextType() {
        return "MEDIUMTEXT";
    }

    @Override
    public String timestampType() {
        return "DATETIME(3)";
    }

    @Override
    public MigrationLock lock(Connection migration, Supplier<Connection> lockConnection, String historyTable,
            LockWaiter waiter) throws SQLException {
        return OwnConnection.lock(lockConnection, c -> NamedLock.acquire(c, historyTable, waiter));
    }

    @Override
    public Optional<String> lockHolder(Connection connection, String historyTable, Duration staleAfter) throws SQLException {
        return NamedLock.holderOfTable(connection, historyTable);
    }
}
