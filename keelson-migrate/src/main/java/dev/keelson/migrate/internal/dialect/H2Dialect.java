package dev.keelson.migrate.internal.dialect;

import dev.keelson.migrate.internal.sql.SplitRules;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * H2: DDL statements commit the open transaction (H2 2.x), so like MySQL a failed migration is recorded as
 * failed; a lock row with owner and heartbeat in {@code <history table>_lock}.
 */
public record H2Dialect() implements Dialect {
    @Override
    public String name() {
        return "H2";
    }

    @Override
    public SplitRules splitRules() {
        return SplitRules.H2;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public MigrationLock lock(Connection lockConnection, String historyTable, LockWaiter waiter) throws SQLException {
        return LockRow.acquire(lockConnection, historyTable + "_lock", waiter);
    }
}
