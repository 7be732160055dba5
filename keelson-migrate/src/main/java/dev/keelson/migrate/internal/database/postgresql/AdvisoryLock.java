package dev.keelson.migrate.internal.database.postgresql;

import dev.keelson.migrate.internal.database.LockWaiter;
import dev.keelson.migrate.internal.database.MigrationLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * PostgreSQL's migration lock: an advisory lock on the key pair ({@link #TAG}, hash of the history table's name),
 * never waited for inside the database, always polled with a try-function.
 *
 * <ul>
 *   <li>A transactional migration takes {@code pg_try_advisory_xact_lock} inside its own transaction on the
 *       migration connection: the commit that records the migration releases it, and a connection pooler in
 *       transaction mode cannot separate the lock from the work.
 *   <li>A file that runs outside a transaction ({@code CREATE INDEX CONCURRENTLY}) is guarded from a second,
 *       lazily opened connection, so the migration's own connection never waits on the lock: on a direct
 *       connection a session lock ({@code pg_try_advisory_lock}) held by that idle connection; behind a pooler
 *       the transaction-scoped lock held in an open READ COMMITTED transaction on it (which keeps the pooler's
 *       server connection pinned, holds no snapshot, and so never blocks {@code CONCURRENTLY}).
 * </ul>
 */
final class AdvisoryLock implements MigrationLock {
    /** "KEEL" in ASCII: the first key, so Keelson's locks are recognisable in pg_locks. */
    static final int TAG = 0x4B45454C;

    /**
     * Put before {@link #TRY_XACT}, as the first statement of the same text (so of the transaction, and in the same
     * round trip), when the session's default isolation is not READ COMMITTED: see {@link #tryXact}. Per transaction,
     * not per session, since behind a pooler in transaction mode a session setting does not follow the next
     * transaction.
     */
    private static final String READ_COMMITTED = "SET TRANSACTION ISOLATION LEVEL READ COMMITTED; ";

    private static final String TRY_XACT = "SELECT pg_try_advisory_xact_lock(?, ?), pg_backend_pid(), "
            + "CASE WHEN ? THEN set_config('synchronous_commit', 'off', true) END";
    /**
     * PostgreSQL 14+: the server checks every second whether the client is still there, so a migrator killed while
     * its transaction runs a long statement has that transaction (and the lock) ended at once, not when the
     * statement finishes.
     */
    private static final String CHECK_CLIENT = ", set_config('client_connection_check_interval', '1s', true)";

    private static final String TRY_XACT_HELD_OPEN = "SELECT pg_try_advisory_xact_lock(?, ?), pg_backend_pid()";
    /**
     * Run after the lock is taken in a transaction that stays open: a utility statement takes no snapshot, and
     * replacing the try-lock's portal (which the extended query protocol keeps open, with its snapshot, until the
     * next statement) leaves the transaction without one, so {@code CONCURRENTLY} does not wait for it. It also
     * keeps {@code idle_in_transaction_session_timeout} from ending the lock while a long file runs.
     */
    private static final String HOLD_WITHOUT_SNAPSHOT = "SET LOCAL idle_in_transaction_session_timeout = 0";

    private static final String TRY_SESSION = "SELECT pg_try_advisory_lock(?, ?), pg_backend_pid()";

    private final Connection migration;
    private final Supplier<Connection> opener;
    private final int key;
    private final LockWaiter waiter;
    private final PoolerSigns pooler;
    private final boolean readCommittedByDefault;
    private PreparedStatement tryXact;
    private String tryXactSql;
    private Boolean checksClient;
    private int probed;
    private Connection lockConnection;
    private boolean sessionHeld;
    private boolean transactionHeld;
    private String busy;

    private AdvisoryLock(
            Connection migration,
            Supplier<Connection> opener,
            int key,
            LockWaiter waiter,
            PoolerSigns pooler,
            boolean readCommittedByDefault) {
        this.migration = migration;
        this.opener = opener;
        this.key = key;
        this.waiter = waiter;
        this.pooler = pooler;
        this.readCommittedByDefault = readCommittedByDefault;
    }

    /**
     * Takes nothing yet: in one query, looks for signs of a pooler on the migration connection (and reports them) and
     * reads the session's default isolation (the database's or role's {@code default_transaction_isolation}, or
     * what the driver set for the session).
     */
    static AdvisoryLock create(
            Connection migration, Supplier<Connection> opener, String historyTable, LockWaiter waiter)
            throws SQLException {
        PoolerSigns pooler = new PoolerSigns(waiter.listener());
        boolean readCommitted;
        try (Statement s = migration.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT inet_server_port(), current_setting('default_transaction_isolation')")) {
            rs.next();
            int serverPort = rs.getInt(1);
            if (!rs.wasNull()) {
                pooler.checkPort(migration.getMetaData().getURL(), serverPort);
            }
            readCommitted = "read committed".equals(rs.getString(2));
        }
        if (pooler.detected()) {
            unnamedStatements(migration);
        }
        return new AdvisoryLock(migration, opener, keyOf(historyTable), waiter, pooler, readCommitted);
    }

    @Override
    public boolean perMigration() {
        return true;
    }

    @Override
    public void enterTransaction(Connection connection, boolean relaxCommit, Ready ready) throws SQLException {
        String probe = ready.probe();
        PreparedStatement tryLock = tryXact(probe);
        tryLock.setBoolean(3, relaxCommit);
        waiter.await(
                () -> attemptInTransaction(migration, tryLock, ready, probe != null), () -> holder(migration), what());
    }

    /**
     * The try-lock of {@link #enterTransaction}, followed by {@code probe} (when not null) as a second statement of
     * the same text: pgJDBC sends the two as two Parse/Bind/Execute sequences before one Sync, so both cost one
     * round trip, and the server runs them one after the other. The probe must be a statement of its own: under READ
     * COMMITTED (PostgreSQL's default, and pgJDBC's) each statement takes its snapshot when it starts, so the probe's
     * is taken after the try-lock statement has finished; when that granted the lock, the probe sees every commit of
     * the migrator that held it before (a transaction's lock is released only after its commit is visible). Put into
     * the try-lock's own {@code SELECT}, the probe would read with the snapshot taken before the lock was granted and
     * could miss that commit.
     *
     * <p>Under REPEATABLE READ or SERIALIZABLE (a database's or role's {@code default_transaction_isolation}) the
     * transaction's first statement fixes its snapshot for good, and that would be the try-lock: the probe, and
     * everything the migration reads, would see the database as it was before the lock was granted, and a migration
     * could be applied twice. So when the session's default is not READ COMMITTED the text starts with {@link
     * #READ_COMMITTED}, the transaction's first statement (nothing runs on the connection between the transaction's
     * start and this text: {@link #attemptInTransaction} ends a failed attempt's transaction), still one round trip.
     */
    private PreparedStatement tryXact(String probe) throws SQLException {
        if (checksClient == null) {
            checksClient = migration.getMetaData().getDatabaseMajorVersion() >= 14;
        }
        String sql = (readCommittedByDefault ? "" : READ_COMMITTED)
                + TRY_XACT
                + (checksClient ? CHECK_CLIENT : "")
                + (probe == null ? "" : "; " + probe);
        if (!sql.equals(tryXactSql)) {
            if (tryXact != null) {
                tryXact.close();
            }
            tryXact = migration.prepareStatement(sql);
            tryXact.setInt(1, TAG);
            tryXact.setInt(2, key);
            tryXactSql = sql;
        }
        return tryXact;
    }

    @Override
    public void enterNonTransactional(Ready ready) throws SQLException {
        Connection c = lockConnection();
        if (pooler.detected()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = prepare(c, TRY_XACT_HELD_OPEN);
                    Statement utility = c.createStatement()) {
                waiter.await(
                        () -> {
                            // whatever the database's default: a REPEATABLE READ snapshot held open would block
                            // CONCURRENTLY
                            utility.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
                            return attemptInTransaction(c, ps, ready, false);
                        },
                        () -> holder(c),
                        what());
                utility.execute(HOLD_WITHOUT_SNAPSHOT);
            }
            transactionHeld = true;
        } else {
            c.setAutoCommit(true);
            try (PreparedStatement ps = prepare(c, TRY_SESSION)) {
                waiter.await(() -> attemptSession(c, ps, ready), () -> holder(c), what());
            }
            sessionHeld = true;
        }
    }

    private boolean attemptInTransaction(Connection c, PreparedStatement tryLock, Ready ready, boolean withProbe)
            throws SQLException {
        if (tryOnce(c, tryLock) && (busy = withProbe ? ready.busy(probed) : ready.busy()) == null) {
            return true;
        }
        c.rollback(); // releases the lock if it was taken, and never leaves a waiting migrator in a transaction
        return false;
    }

    private boolean attemptSession(Connection c, PreparedStatement tryLock, Ready ready) throws SQLException {
        if (!tryOnce(c, tryLock)) {
            return false;
        }
        if ((busy = ready.busy()) == null) {
            return true;
        }
        unlockSession(c);
        return false;
    }

    /** Runs the try-lock statement (and a probe after it, whose value is kept in {@link #probed}). */
    private boolean tryOnce(Connection c, PreparedStatement tryLock) throws SQLException {
        busy = null;
        if (!tryLock.execute()) {
            tryLock.getMoreResults(); // past the result of READ_COMMITTED, to the try-lock's
        }
        boolean granted;
        try (ResultSet rs = tryLock.getResultSet()) {
            rs.next();
            pooler.observePid(c == migration ? "migration" : "lock", rs.getInt(2));
            granted = rs.getBoolean(1);
        }
        probed = 0;
        if (tryLock.getMoreResults()) {
            try (ResultSet rs = tryLock.getResultSet()) {
                probed = rs.next() ? rs.getInt(1) : 0;
            }
        }
        return granted;
    }

    @Override
    public void leaveNonTransactional() {
        try {
            if (sessionHeld) {
                sessionHeld = false;
                if (!unlockSession(lockConnection)) {
                    pooler.leaked();
                }
            }
            if (transactionHeld) {
                transactionHeld = false;
                lockConnection.commit();
                lockConnection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the lock connection broke: its session (and so its lock) ends with it
            closeLockConnection();
        }
    }

    private boolean unlockSession(Connection c) throws SQLException {
        try (PreparedStatement ps = prepare(c, "SELECT pg_advisory_unlock(?, ?)");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private Connection lockConnection() throws SQLException {
        if (lockConnection == null) {
            lockConnection = opener.get();
            if (pooler.detected()) {
                unnamedStatements(lockConnection);
            }
        }
        return lockConnection;
    }

    /**
     * Makes the driver send every statement unnamed (pgJDBC's {@code prepareThreshold=0}): a pooler in transaction
     * mode hands each transaction to any server connection, where a statement the driver prepared by name on
     * another one does not exist (PgBouncer before 1.21, or without {@code max_prepared_statements}). The driver is
     * the caller's run-time dependency, so it is reached reflectively.
     */
    private static void unnamedStatements(Connection c) throws SQLException {
        try {
            Class<?> pg = Class.forName(
                    "org.postgresql.PGConnection", false, c.getClass().getClassLoader());
            pg.getMethod("setPrepareThreshold", int.class).invoke(c.unwrap(pg), 0);
        } catch (ReflectiveOperationException e) {
            throw new SQLException(
                    "Cannot switch the PostgreSQL driver to unnamed statements behind a pooler: " + e, e);
        }
    }

    private PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setInt(1, TAG);
        ps.setInt(2, key);
        return ps;
    }

    private String what() {
        return "PostgreSQL advisory lock " + TAG + "/" + key;
    }

    /** Who holds the lock, for messages; ends any transaction the query opened. */
    private String holder(Connection c) throws SQLException {
        if (busy != null) {
            return busy;
        }
        try {
            return holderOf(c, key).orElse("another session (it was just released)");
        } finally {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        }
    }

    /** The session holding the advisory lock of {@code historyTable}, if any. */
    static Optional<String> holderOf(Connection c, String historyTable) throws SQLException {
        return holderOf(c, keyOf(historyTable));
    }

    private static Optional<String> holderOf(Connection c, int key) throws SQLException {
        String sql = "SELECT a.pid, a.usename, a.application_name, a.client_addr, a.backend_start, a.state "
                + "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = ?::oid AND l.objid = ?::oid "
                + "AND l.objsubid = 2 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, TAG);
            ps.setLong(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of("PostgreSQL backend pid " + rs.getInt(1) + " (user " + rs.getString(2)
                        + ", application '"
                        + rs.getString(3) + "', client " + rs.getString(4) + ", connected since " + rs.getTimestamp(5)
                        + ", " + rs.getString(6) + ")");
            }
        }
    }

    private static int keyOf(String historyTable) {
        return historyTable.toLowerCase(Locale.ROOT).hashCode() & 0x7fffffff;
    }

    @Override
    public void close() {
        leaveNonTransactional();
        try {
            if (tryXact != null) {
                tryXact.close();
            }
        } catch (SQLException ignored) {
            // the migration connection is closed next anyway
        }
        closeLockConnection();
    }

    private void closeLockConnection() {
        if (lockConnection != null) {
            try {
                lockConnection.close();
            } catch (SQLException ignored) {
                // closing the session releases a session lock anyway
            }
            lockConnection = null;
        }
    }
}
