package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigratorConfig;
import dev.keelson.migrate.internal.database.LockWaiter;
import dev.keelson.migrate.internal.database.MigrationLock;
import dev.keelson.migrate.internal.history.EntryType;
import dev.keelson.migrate.internal.history.History;
import dev.keelson.migrate.internal.history.HistoryRow;
import dev.keelson.migrate.internal.history.HistoryTable;
import dev.keelson.migrate.internal.resolve.MigrationScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The history of one changing operation, read under the migration lock and kept true while the operation runs.
 *
 * <p>With a run lock the history read while planning stays true to the end. With a per-migration lock
 * (PostgreSQL) every {@code enter} re-checks it under the lock: one indexed {@code MAX(installed_rank)}, which the
 * lock sends in the round trip of its try-lock statement ({@link MigrationLock.Ready#probe()}); only
 * when another migrator wrote meanwhile are the new rows read and appended, the lock is let go for one poll
 * interval (so a migrator that is progressing is left to finish), and the script is skipped if it is done.
 * Two migrators therefore never apply one version twice.
 */
final class GuardedHistory implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);

    private final Connection connection;
    private final HistoryTable table;
    private final MigrationLock lock;
    private History history;
    private int seenRank;
    private HistoryRow othersFailure;

    private GuardedHistory(Connection connection, HistoryTable table, MigrationLock lock) {
        this.connection = connection;
        this.table = table;
        this.lock = lock;
    }

    /** Takes the lock as planning needs it and reads the history; call {@link #endPlanning()} next. */
    static GuardedHistory plan(Session db, MigratorConfig config) throws SQLException {
        HistoryTable table = new HistoryTable(db.connection(), db.dialect(), config.historyTable());
        LockWaiter waiter = new LockWaiter(config.lockTimeout(), config.listener(), POLL, config.lockStaleAfter());
        MigrationLock lock = db.dialect().lock(db.connection(), db::openAnother, config.historyTable(), waiter);
        GuardedHistory guarded = new GuardedHistory(db.connection(), table, lock);
        try {
            if (lock.perMigration()) {
                db.connection().setAutoCommit(false);
                lock.enterTransaction(db.connection(), false, () -> null);
            }
            guarded.history = table.read();
            guarded.seenRank = guarded.history.maxRank();
            return guarded;
        } catch (SQLException | RuntimeException e) {
            guarded.close();
            throw e;
        }
    }

    History history() {
        return history;
    }

    HistoryTable table() {
        return table;
    }

    MigrationLock lock() {
        return lock;
    }

    /**
     * Makes the history table ready for writing (in the planning transaction, if there is one): creates it, or adds
     * the columns a table made by an older Keelson lacks.
     */
    void ensureTable() throws SQLException {
        if (!history.exists()) {
            table.create();
            history = History.of(history.rows());
        } else {
            table.addMissingColumns();
        }
    }

    /** Ends planning: commits what planning wrote and releases a per-migration lock. */
    void endPlanning() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
            connection.setAutoCommit(true);
        }
    }

    /** Takes the lock inside the migration's open transaction (autocommit off). */
    void enterTransaction(boolean relaxCommit) throws SQLException {
        lock.enterTransaction(connection, relaxCommit, new MigrationLock.Ready() {
            @Override
            public String busy() throws SQLException {
                return othersProgress();
            }

            @Override
            public String probe() {
                return table.maxRankQuery();
            }

            @Override
            public String busy(int probed) throws SQLException {
                return othersProgress(probed);
            }
        });
    }

    /** Takes the lock for a script that runs outside a transaction; {@link #leaveNonTransactional()} after it. */
    void enterNonTransactional() throws SQLException {
        lock.enterNonTransactional(this::othersProgress);
    }

    void leaveNonTransactional() {
        lock.leaveNonTransactional();
    }

    /**
     * Whether {@code script} still has to run as {@code type}, asked after entering: false when another migrator
     * did it meanwhile.
     *
     * @throws MigrationException {@code FAILED_MIGRATION_PRESENT} when another migrator recorded a failure meanwhile
     */
    boolean stillNeeded(MigrationScript script, EntryType type) {
        if (othersFailure != null) {
            throw new MigrationException(
                    MigrationErrorCode.FAILED_MIGRATION_PRESENT,
                    "Another migrator recorded a failure of "
                            + othersFailure.script() + " while this one was running (" + othersFailure.error()
                            + "); nothing more"
                            + " was applied. See `keelson db status`");
        }
        return switch (type) {
            case VERSIONED -> !history.isApplied(script.version());
            case UNDO -> history.isApplied(script.version());
            case REPEATABLE ->
                history.latestRepeatable(script.description())
                        .filter(r -> r.type() == EntryType.REPEATABLE && r.success() && script.matches(r.checksum()))
                        .isEmpty();
            case BASELINE, DELETED, CHECKSUM_UPGRADE -> true;
        };
    }

    /** Records a row this run wrote (and committed). */
    void written(HistoryRow row) {
        history.append(row);
        seenRank = Math.max(seenRank, row.rank());
    }

    /** Null when nobody wrote history since this run last looked; otherwise reads their rows and says so. */
    private String othersProgress() throws SQLException {
        return othersProgress(table.maxRank());
    }

    /** {@link #othersProgress()} given the history's {@code MAX(installed_rank)} read under the lock. */
    private String othersProgress(int rank) throws SQLException {
        if (rank == seenRank) {
            return null;
        }
        if (rank < seenRank) {
            history = table.read(); // rows were removed (a repair): start again from the table as it is
        } else {
            List<HistoryRow> rows = table.rowsAfter(seenRank);
            rows.forEach(history::append);
            rows.stream().filter(r -> !r.success()).findFirst().ifPresent(r -> othersFailure = r);
        }
        seenRank = rank;
        return "another migrator, which is applying migrations (the history has grown to rank " + rank + ")";
    }

    @Override
    public void close() {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the connection is broken and closed next
        }
        try {
            table.close();
        } catch (SQLException ignored) {
            // closing prepared statements of a connection that is closed next
        }
        lock.close();
    }
}
