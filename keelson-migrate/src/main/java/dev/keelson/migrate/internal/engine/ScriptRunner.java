package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.ErrorCode;
import dev.keelson.migrate.ExecutedMigration;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.internal.dialect.Dialect;
import dev.keelson.migrate.internal.dialect.MigrationLock;
import dev.keelson.migrate.internal.history.EntryType;
import dev.keelson.migrate.internal.history.HistoryRow;
import dev.keelson.migrate.internal.history.HistoryTable;
import dev.keelson.migrate.internal.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs one prepared script and writes its history row. Where the dialect has transactional DDL and the file
 * does not opt out, statements and history row commit together or not at all; otherwise statements run in
 * autocommit and a failure is recorded as a failed row with the number of statements that ran.
 */
final class ScriptRunner {
    private final Connection connection;
    private final Dialect dialect;
    private final HistoryTable history;
    private final MigrationLock lock;
    private final Clock clock;
    private final String installedBy;

    ScriptRunner(Connection connection, Dialect dialect, HistoryTable history, MigrationLock lock, Clock clock,
            String installedBy) {
        this.connection = connection;
        this.dialect = dialect;
        this.history = history;
        this.lock = lock;
        this.clock = clock;
        this.installedBy = installedBy;
    }

    /** Runs the script, recording it as {@code type} with {@code rank}. */
    ExecutedMigration run(PreparedScript script, EntryType type, int rank) throws SQLException {
        boolean transactional = dialect.transactionalDdl() && !script.script().noTransaction();
        Instant started = clock.instant();
        int applied = 0;
        connection.setAutoCommit(!transactional);
        if (!transactional) {
            lock.confirm(connection); // nothing can be undone later: make sure before the first statement
        }
        try (Statement statement = connection.createStatement()) {
            for (SqlStatement sql : script.statements()) {
                execute(statement, script, sql, applied, transactional, type, rank);
                applied++;
            }
            Duration took = Duration.between(started, clock.instant());
            if (transactional) {
                confirmLock();
            }
            history.insert(row(script, type, rank, started, took, true, applied, null));
            if (transactional) {
                connection.commit();
            }
            return script.executed(took);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void execute(Statement statement, PreparedScript script, SqlStatement sql, int applied, boolean transactional,
            EntryType type, int rank) throws SQLException {
        try {
            dialect.execute(statement, sql);
        } catch (SQLException e) {
            if (transactional) {
                rollback(e);
            } else {
                recordFailure(script, sql, applied, e, type, rank);
            }
            throw failure(script, sql, applied, transactional, e);
        }
    }

    /** Inside the script's transaction: the commit happens only while the lock is still ours. */
    private void confirmLock() throws SQLException {
        try {
            lock.confirm(connection);
        } catch (MigrationException | SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    private void rollback(SQLException cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void recordFailure(PreparedScript script, SqlStatement sql, int applied, SQLException cause, EntryType type,
            int rank) {
        try {
            history.insert(row(script, type, rank, clock.instant(), Duration.ZERO, false, applied,
                    "line " + sql.line() + ": " + message(cause)));
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private MigrationException failure(PreparedScript script, SqlStatement sql, int applied, boolean transactional,
            SQLException e) {
        String file = script.script().fileName();
        int total = script.statements().size();
        String what = "Migration " + file + " failed at line " + sql.line() + " (statement " + (applied + 1) + " of "
                + total + "): " + message(e) + ".";
        String next = transactional
                ? " Its transaction was rolled back: nothing of " + file + " was applied. Fix the file and run migrate again."
                : " " + (applied == 0 ? "No statement of it ran" : "Statements 1 to " + applied + " ran and stay applied")
                        + " (" + (dialect.transactionalDdl() ? "the file runs without a transaction"
                                : dialect.name() + " cannot roll back DDL")
                        + "); the history records the failure. Undo what ran by hand if needed, fix the file, then run"
                        + " `keelson db repair` and migrate again.";
        return new MigrationException(ErrorCode.MIGRATION_FAILED, what + next + " (" + script.script().origin() + ")", e);
    }

    private static String message(SQLException e) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        return (e.getSQLState() == null ? "" : "SQLState " + e.getSQLState() + ": ") + text;
    }

    private HistoryRow row(PreparedScript script, EntryType type, int rank, Instant on, Duration took, boolean success,
            int applied, String error) {
        var s = script.script();
        return new HistoryRow(rank, s.version(), s.description(), type, s.fileName(), s.checksum(), installedBy, on,
                took.toMillis(), success, applied, error);
    }
}
