package dev.keelson.migrate.internal.database.sqlite;

import dev.keelson.migrate.internal.database.Dialect;
import dev.keelson.migrate.internal.database.LockRow;
import dev.keelson.migrate.internal.database.LockWaiter;
import dev.keelson.migrate.internal.database.MigrationLock;
import dev.keelson.migrate.internal.database.OwnConnection;
import dev.keelson.migrate.internal.sql.SplitRules;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** SQLite: transactional DDL; a lock row with owner and heartbeat in {@code <history table>_lock}. */
public record SqliteDialect() implements Dialect {
    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:sqlite:");
    }

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
