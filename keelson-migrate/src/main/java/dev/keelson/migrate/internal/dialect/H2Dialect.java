package dev.keelson.migrate.internal.dialect;

import dev.keelson.migrate.internal.sql.SplitRules;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

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
    public String longTextType() {
        return "CHARACTER LARGE OBJECT";
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public MigrationLock lock(
            Connection migration, Supplier<Connection> lockConnection, String historyTable, LockWaiter waiter)
            throws SQLException {
        return OwnConnection.lock(lockConnection, c -> LockRow.acquire(c, historyTable + "_lock", waiter));
    }

    @Override
    public Optional<String> lockHolder(Connection connection, String historyTable, Duration staleAfter)
            throws SQLException {
        return LockRow.holderOf(connection, historyTable + "_lock", staleAfter);
    }
}
