package dev.keelson.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The contract for engines whose migration lock is a row with an owner and a heartbeat (SQLite, H2): the shared
 * contract plus takeover of a stale row and no commit after a takeover.
 */
abstract class LockRowMigrationContractIT extends MigrationContractIT {
    @Override
    void holdMigrationLock(Connection c) throws SQLException {
        lockRow(c, System.currentTimeMillis());
    }

    private static void lockRow(Connection c, long heartbeat) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE keelson_schema_history_lock (id INTEGER NOT NULL PRIMARY KEY, "
                    + "owner VARCHAR(200) NOT NULL, heartbeat_at BIGINT NOT NULL)");
            s.execute("INSERT INTO keelson_schema_history_lock VALUES (1, '4242@elsewhere/abc', " + heartbeat + ")");
        }
    }

    @Override
    String holderDescription() {
        return "migrator 4242@elsewhere/abc";
    }

    @Test
    void aLockRowWhoseHolderStoppedHeartBeatingIsTakenOver() throws Exception {
        write("V1__one.sql", "CREATE TABLE t1 (id INT);");
        try (Connection c = db.connect()) {
            lockRow(c, System.currentTimeMillis() - 60_000);
        }
        assertThat(migrator().migrate(MigrateOptions.latest()).migrations()).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM keelson_schema_history_lock"))
                .as("released after the run")
                .isZero();
    }

    @Test
    void aMigratorKilledWhileHoldingTheLockRowIsTakenOverOnceItsHeartbeatStops() throws Exception {
        write("V1__paused.sql", "-- keelson:no-transaction\n${pause};\n");
        long pid;
        try (ChildMigrator child = startKillable()) {
            awaitPause(child);
            pid = child.pid();
            child.kill();
        }
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT owner FROM keelson_schema_history_lock")) {
            assertThat(rs.next()).as("the killed process left its lock row").isTrue();
            assertThat(rs.getString(1)).startsWith(pid + "@");
        }
        List<String> holders = new CopyOnWriteArrayList<>();
        Migrator next = configure()
                .lockStaleAfter(STALE)
                .listener(new MigrationListener() {
                    @Override
                    public void waitingForLock(String holder, Duration waited) {
                        holders.add(holder);
                    }
                })
                .lockTimeout(Duration.ofSeconds(20))
                .build();

        assertThat(next.repair().removedFailures()).containsExactly("V1__paused.sql");
        assertThat(holders)
                .as("it waited (if at all) for the killed process, then took the lock over")
                .allSatisfy(h -> assertThat(h).startsWith("migrator " + pid + "@"));
        assertThat(count("SELECT COUNT(*) FROM keelson_schema_history_lock"))
                .as("released after the run")
                .isZero();
    }

    @Test
    void aMigrationDoesNotCommitAfterItsLockRowWasTakenOver() throws Exception {
        write("V1__one.sql", "CREATE TABLE t1 (id INT);");
        write("V2__two.sql", "CREATE TABLE t2 (id INT);");
        MigrationListener thief = new MigrationListener() {
            @Override
            public void starting(MigrationType type, Version version, String script, int index, int total) {
                if (index == 2) {
                    try (Connection c = db.connect();
                            Statement s = c.createStatement()) {
                        s.executeUpdate("UPDATE keelson_schema_history_lock SET owner = 'thief'");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        assertFails(
                () -> configure().listener(thief).build().migrate(MigrateOptions.latest()),
                MigrationErrorCode.LOCK_TIMEOUT,
                m -> assertThat(m).contains("taken over by another migrator"));
        assertThat(tableExists("t1")).isTrue();
        assertThat(tableExists("t2")).isFalse();
        assertThat(states(migrator().status())).containsEntry("V2__two.sql", MigrationState.PENDING);
    }
}
