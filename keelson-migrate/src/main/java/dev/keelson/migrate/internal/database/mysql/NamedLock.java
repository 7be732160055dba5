package dev.keelson.migrate.internal.database.mysql;

import dev.keelson.migrate.internal.database.LockWaiter;
import dev.keelson.migrate.internal.database.MigrationLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A MySQL/MariaDB user-level lock: {@code GET_LOCK(name, 0)} polled on a connection of its own. Such locks are
 * server-wide, so the name carries the database: {@code keelson:<database>.<history table>} (hashed when longer
 * than MySQL's 64 characters).
 */
final class NamedLock implements MigrationLock {
    private final Connection connection;
    private final String name;

    private NamedLock(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    static NamedLock acquire(Connection connection, String historyTable, LockWaiter waiter) throws SQLException {
        connection.setAutoCommit(true);
        String name = lockName(connection, historyTable);
        try (PreparedStatement tryLock = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            tryLock.setString(1, name);
            waiter.await(
                    () -> {
                        try (ResultSet rs = tryLock.executeQuery()) {
                            return rs.next() && rs.getInt(1) == 1;
                        }
                    },
                    () -> holderOf(connection, name).orElse("another session (it was just released)"),
                    "GET_LOCK('" + name + "')");
        }
        return new NamedLock(connection, name);
    }

    private static String lockName(Connection connection, String historyTable) throws SQLException {
        String database;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
            rs.next();
            database = rs.getString(1);
        }
        String name = "keelson:" + database + "." + historyTable;
        return name.length() <= 64
                ? name
                : "keelson:" + Integer.toHexString(name.hashCode()) + ":" + name.substring(0, 40);
    }

    /** The connection holding the lock of {@code historyTable}, if any. */
    static Optional<String> holderOfTable(Connection connection, String historyTable) throws SQLException {
        return holderOf(connection, lockName(connection, historyTable));
    }

    private static Optional<String> holderOf(Connection connection, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT p.ID, p.USER, p.HOST, p.DB, p.COMMAND, p.TIME FROM information_schema.PROCESSLIST p "
                        + "WHERE p.ID = IS_USED_LOCK(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of("MySQL/MariaDB connection " + rs.getLong(1) + " (" + rs.getString(2) + "@"
                        + rs.getString(3) + ", database " + rs.getString(4) + ", " + rs.getString(5) + " for "
                        + rs.getLong(6) + " s)");
            }
        }
    }

    @Override
    public void close() {
        try (connection;
                PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, name);
            ps.execute();
        } catch (SQLException ignored) {
            // closing the session releases the lock anyway
        }
    }
}
