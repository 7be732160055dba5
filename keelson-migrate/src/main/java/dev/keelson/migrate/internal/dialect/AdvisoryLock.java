package dev.keelson.migrate.internal.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A PostgreSQL session advisory lock, taken with {@code pg_try_advisory_lock(k1, k2)} polled on a connection of
 * its own (autocommit, no open transaction), so the migration's connection never waits on it and
 * {@code CREATE INDEX CONCURRENTLY} is never blocked by it. Advisory locks are per database; the key pair is
 * a fixed Keelson tag and a hash of the history table's name.
 */
final class AdvisoryLock implements MigrationLock {
    /** "KEEL" in ASCII: the first key, so Keelson's locks are recognisable in pg_locks. */
    static final int TAG = 0x4B45454C;

    private final Connection connection;
    private final int key;

    private AdvisoryLock(Connection connection, int key) {
        this.connection = connection;
        this.key = key;
    }

    static AdvisoryLock acquire(Connection connection, String historyTable, LockWaiter waiter) throws SQLException {
        connection.setAutoCommit(true);
        int key = historyTable.toLowerCase(Locale.ROOT).hashCode() & 0x7fffffff;
        try (PreparedStatement tryLock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            tryLock.setInt(1, TAG);
            tryLock.setInt(2, key);
            waiter.await(() -> {
                try (ResultSet rs = tryLock.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }, () -> holder(connection, key), "PostgreSQL advisory lock " + TAG + "/" + key);
        }
        return new AdvisoryLock(connection, key);
    }

    private static String holder(Connection connection, int key) throws SQLException {
        String sql = "SELECT a.pid, a.usename, a.application_name, a.client_addr, a.backend_start "
                + "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ?::oid AND l.objid = ?::oid "
                + "AND l.objsubid = 2 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, TAG);
            ps.setLong(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "another session (it was just released)";
                }
                return "PostgreSQL backend pid " + rs.getInt(1) + " (user " + rs.getString(2) + ", application '"
                        + rs.getString(3) + "', client " + rs.getString(4) + ", connected since " + rs.getTimestamp(5) + ")";
            }
        }
    }

    @Override
    public void close() {
        try (connection;
                PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            ps.setInt(1, TAG);
            ps.setInt(2, key);
            ps.execute();
        } catch (SQLException ignored) {
            // closing the session releases a session lock anyway
        }
    }
}
