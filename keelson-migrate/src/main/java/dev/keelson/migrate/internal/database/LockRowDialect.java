package dev.keelson.migrate.internal.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A database without advisory or named locks (SQLite, H2): its migration lock is a {@link LockRow} in
 * {@code <history table>_lock}, held on a connection of its own.
 */
public interface LockRowDialect extends Dialect {

    @Override
    default MigrationLock lock(
            Connection migration, Supplier<Connection> lockConnection, String historyTable, LockWaiter waiter)
            throws SQLException {
        return OwnConnection.lock(lockConnection, c -> LockRow.acquire(c, lockTable(historyTable), waiter));
    }

    @Override
    default Optional<String> lockHolder(Connection connection, String historyTable, Duration staleAfter)
            throws SQLException {
        return LockRow.holderOf(connection, lockTable(historyTable), staleAfter);
    }

    private static String lockTable(String historyTable) {
        return historyTable + "_lock";
    }
}
