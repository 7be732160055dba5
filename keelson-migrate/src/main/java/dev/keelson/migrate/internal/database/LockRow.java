package dev.keelson.migrate.internal.database;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A lock row for databases without advisory locks: one row (id 1) in a lock table, carrying the owner
 * ({@code pid@host/random}) and a heartbeat time that a daemon thread renews six times per stale period
 * ({@link LockWaiter#staleAfter()}, 30 s by default: every 5 s). A row whose heartbeat is older than the stale
 * period belongs to a migrator that died; it is taken over with a compare-and-set update, never left for a human.
 */
public final class LockRow implements MigrationLock {
    private final Connection connection;
    private final String table;
    private final String owner;
    private final Duration stale;
    private final ScheduledExecutorService heart;

    private LockRow(Connection connection, String table, String owner, Duration stale) {
        this.connection = connection;
        this.table = table;
        this.owner = owner;
        this.stale = stale;
        this.heart = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keelson-lock-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    public static LockRow acquire(Connection connection, String table, LockWaiter waiter) throws SQLException {
        connection.setAutoCommit(true);
        String owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        Duration stale = waiter.staleAfter();
        waiter.await(
                () -> tryAcquire(connection, table, owner, stale),
                () -> holder(connection, table),
                "lock row in " + table);
        LockRow lock = new LockRow(connection, table, owner, stale);
        long beat = Math.max(stale.toMillis() / 6, 1);
        lock.heart.scheduleWithFixedDelay(lock::beat, beat, beat, TimeUnit.MILLISECONDS);
        return lock;
    }

    private static void createTable(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table
                    + " (id INTEGER NOT NULL PRIMARY KEY, owner VARCHAR(200) NOT NULL, heartbeat_at BIGINT NOT NULL)");
        }
    }

    /**
     * One attempt: create the table if needed and insert the row. Any failure (row present, database busy with
     * the holder's migration, table created at the same moment by another migrator) means "not now", unless the
     * row present is stale.
     */
    private static boolean tryAcquire(Connection connection, String table, String owner, Duration stale) {
        long now = System.currentTimeMillis();
        try (PreparedStatement insert = prepareInsert(connection, table)) {
            insert.setString(1, owner);
            insert.setLong(2, now);
            insert.executeUpdate();
            return true;
        } catch (SQLException held) {
            return takeOverIfStale(connection, table, owner, now, stale);
        }
    }

    private static PreparedStatement prepareInsert(Connection connection, String table) throws SQLException {
        createTable(connection, table);
        return connection.prepareStatement("INSERT INTO " + table + " (id, owner, heartbeat_at) VALUES (1, ?, ?)");
    }

    private static boolean takeOverIfStale(
            Connection connection, String table, String owner, long now, Duration stale) {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT owner, heartbeat_at FROM " + table + " WHERE id = 1")) {
            if (!rs.next()) {
                return false;
            }
            String holder = rs.getString(1);
            long beat = rs.getLong(2);
            if (now - beat < stale.toMillis()) {
                return false;
            }
            try (PreparedStatement cas = connection.prepareStatement("UPDATE " + table
                    + " SET owner = ?, heartbeat_at = ? WHERE id = 1 AND owner = ? AND heartbeat_at = ?")) {
                cas.setString(1, owner);
                cas.setLong(2, now);
                cas.setString(3, holder);
                cas.setLong(4, beat);
                return cas.executeUpdate() == 1;
            }
        } catch (SQLException busy) {
            return false; // the database is busy with the holder's migration: still held
        }
    }

    /** The migrator holding the row of {@code table} with a heartbeat younger than {@code stale}, if any. */
    public static Optional<String> holderOf(Connection connection, String table, Duration stale) {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT owner, heartbeat_at FROM " + table + " WHERE id = 1")) {
            if (rs.next() && System.currentTimeMillis() - rs.getLong(2) < stale.toMillis()) {
                return Optional.of(describe(rs.getString(1), rs.getLong(2)));
            }
            return Optional.empty();
        } catch (SQLException noTable) {
            return Optional.empty();
        }
    }

    private static String describe(String owner, long heartbeat) {
        return "migrator " + owner + " (last heartbeat " + (System.currentTimeMillis() - heartbeat) / 1000 + " s ago)";
    }

    private static String holder(Connection connection, String table) {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT owner, heartbeat_at FROM " + table + " WHERE id = 1")) {
            if (!rs.next()) {
                return "another migrator (it was just released)";
            }
            return describe(rs.getString(1), rs.getLong(2));
        } catch (SQLException busy) {
            return "another migrator (the database is busy with its migration)";
        }
    }

    /** Renews the heartbeat inside the migration's own transaction; fails if another migrator took the row. */
    @Override
    public void confirm(Connection migrationConnection) throws SQLException {
        try (PreparedStatement ps = migrationConnection.prepareStatement(
                "UPDATE " + table + " SET heartbeat_at = ? WHERE id = 1 AND owner = ?")) {
            ps.setLong(1, System.currentTimeMillis());
            ps.setString(2, owner);
            if (ps.executeUpdate() != 1) {
                throw new MigrationException(
                        MigrationErrorCode.LOCK_TIMEOUT,
                        "The migration lock row in " + table
                                + " was taken over by another migrator (this one stopped heart-beating for "
                                + stale.toMillis() / 1000.0
                                + " s); the current migration was not committed. Run migrate again");
            }
        }
    }

    private synchronized void beat() {
        try (PreparedStatement ps =
                connection.prepareStatement("UPDATE " + table + " SET heartbeat_at = ? WHERE id = 1 AND owner = ?")) {
            ps.setLong(1, System.currentTimeMillis());
            ps.setString(2, owner);
            ps.executeUpdate();
        } catch (SQLException busy) {
            // the database is busy with our own migration; the next beat will do
        }
    }

    @Override
    public synchronized void close() {
        heart.shutdownNow();
        try (connection;
                PreparedStatement ps =
                        connection.prepareStatement("DELETE FROM " + table + " WHERE id = 1 AND owner = ?")) {
            ps.setString(1, owner);
            ps.executeUpdate();
        } catch (SQLException ignored) {
            // a row left behind goes stale and is taken over
        }
    }
}
