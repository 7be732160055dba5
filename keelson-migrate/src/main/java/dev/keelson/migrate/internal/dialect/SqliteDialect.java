package dev.keelson.migrate.internal.dialect;

import dev.keelson.migrate.internal.sql.SplitRules;
import java.sql.Connection;
import java.sql.SQLException;

/** SQLite: transactional DDL; a lock row with owner and heartbeat in {@code <history table>_lock}. */
public record SqliteDialect() implements Dialect {
    @Override
    public String name() {
        return "SQLite";
    }

    @Override
    public SplitRules splitRules() {
        return SplitRules.SQLITE;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public MigrationLock lock(Connection lockConnection, String historyTable, LockWaiter waiter) throws SQLException {
        return LockRow.acquire(lockConnection, historyTable + "_lock", waiter);
    }
}
