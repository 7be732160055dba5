package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.ExecutedMigration;
import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationListener;
import dev.keelson.migrate.MigrationType;
import dev.keelson.migrate.internal.database.Dialect;
import dev.keelson.migrate.internal.history.EntryType;
import dev.keelson.migrate.internal.history.HistoryRow;
import dev.keelson.migrate.internal.history.StatementHashes;
import dev.keelson.migrate.internal.resolve.CallbackEvent;
import dev.keelson.migrate.internal.sql.ErrorPlace;
import dev.keelson.migrate.internal.sql.SqlStatement;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs one prepared script and writes its history row, under the migration lock. Where the dialect has
 * transactional DDL and the file does not opt out, statements and history row commit together or not at all;
 * otherwise statements run in autocommit and the history row records how far the file got as it goes.
 */
final class ScriptRunner {
    private final Connection connection;
    private final Dialect dialect;
    private final GuardedHistory guarded;
    private final MigrationListener listener;
    private final Clock clock;
    private final String installedBy;
    private final Callbacks callbacks;

    ScriptRunner(
            Session db,
            GuardedHistory guarded,
            MigrationListener listener,
            Clock clock,
            String installedBy,
            Callbacks callbacks) {
        this.callbacks = callbacks;
        this.connection = db.connection();
        this.dialect = db.dialect();
        this.guarded = guarded;
        this.listener = listener;
        this.clock = clock;
        this.installedBy = installedBy;
    }

    /**
     * Runs {@code script} as the {@code index}-th of {@code total}, recorded as {@code type}; empty when another
     * migrator ran it meanwhile.
     */
    Optional<ExecutedMigration> run(PreparedScript script, EntryType type, int index, int total) throws SQLException {
        boolean transactional = dialect.transactionalDdl() && !script.script().noTransaction();
        return transactional
                ? inTransaction(script, type, index, total)
                : withoutTransaction(script, type, index, total);
    }

    private Optional<ExecutedMigration> inTransaction(PreparedScript script, EntryType type, int index, int total)
            throws SQLException {
        connection.setAutoCommit(false);
        try {
            guarded.enterTransaction(index < total);
            if (!guarded.stillNeeded(script.script(), type)) {
                connection.rollback();
                return Optional.empty();
            }
            listener.starting(
                    script.script().type(),
                    script.script().version(),
                    script.script().fileName(),
                    index,
                    total);
            Instant started = clock.instant();
            callbacks.run(beforeEach(type), connection);
            try (Statement statement = connection.createStatement()) {
                int n = script.statements().size();
                for (int i = script.from(), end; i < n; i = end) {
                    end = batchEnd(script, i);
                    if (end - i > 1) {
                        executeBatch(statement, script, i, end);
                    } else {
                        execute(statement, script, i, null);
                    }
                }
            }
            callbacks.run(afterEach(type), connection);
            Duration took = Duration.between(started, clock.instant());
            guarded.lock().confirm(connection);
            HistoryRow row = row(script, type, started, null)
                    .withOutcome(true, script.statements().size(), took.toMillis(), null);
            guarded.table().insert(row);
            connection.commit();
            guarded.written(row);
            return Optional.of(script.executed(took));
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback(); // a no-op after the commit; otherwise nothing of the script stays
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * Outside a transaction every statement stays applied at once, so the history says how far the file got before
     * the first statement runs (a row with no outcome yet, a hash per statement) and after each one: a run that is
     * killed leaves a row {@code status} reports as interrupted at the statement that was running.
     */
    private Optional<ExecutedMigration> withoutTransaction(PreparedScript script, EntryType type, int index, int total)
            throws SQLException {
        guarded.enterNonTransactional();
        try {
            if (!guarded.stillNeeded(script.script(), type)) {
                return Optional.empty();
            }
            listener.starting(
                    script.script().type(),
                    script.script().version(),
                    script.script().fileName(),
                    index,
                    total);
            guarded.lock().confirm(connection); // nothing can be undone later: make sure before the first statement
            Instant started = clock.instant();
            HistoryRow running = row(script, type, started, script.hashes());
            guarded.table().insert(running);
            guarded.written(running);
            callbacks.run(beforeEach(type), connection);
            int n = script.statements().size();
            try (Statement statement = connection.createStatement()) {
                for (int i = script.from(); i < n; i++) {
                    execute(statement, script, i, running);
                    if (i + 1 < n) {
                        guarded.table().update(running.withOutcome(false, i + 1, millisSince(started), null));
                    }
                }
            }
            callbacks.run(afterEach(type), connection);
            Duration took = Duration.between(started, clock.instant());
            HistoryRow done = running.withOutcome(true, n, took.toMillis(), null);
            guarded.table().update(done);
            guarded.written(done);
            return Optional.of(script.executed(took));
        } finally {
            guarded.leaveNonTransactional();
        }
    }

    private long millisSince(Instant started) {
        return Duration.between(started, clock.instant()).toMillis();
    }

    /** The callback event before each script run as {@code type}: Flyway's undo events for undo files. */
    static CallbackEvent beforeEach(EntryType type) {
        return type == EntryType.UNDO ? CallbackEvent.BEFORE_EACH_UNDO : CallbackEvent.BEFORE_EACH_MIGRATE;
    }

    static CallbackEvent afterEach(EntryType type) {
        return type == EntryType.UNDO ? CallbackEvent.AFTER_EACH_UNDO : CallbackEvent.AFTER_EACH_MIGRATE;
    }

    static CallbackEvent afterEachError(EntryType type) {
        return type == EntryType.UNDO ? CallbackEvent.AFTER_EACH_UNDO_ERROR : CallbackEvent.AFTER_EACH_MIGRATE_ERROR;
    }

    /** The end (exclusive) of the run of statements from {@code from} that can go in one batch; at least one. */
    private int batchEnd(PreparedScript script, int from) {
        int end = from;
        while (end < script.statements().size()
                && dialect.batchable(script.statements().get(end))) {
            end++;
        }
        return Math.max(end, from + 1);
    }

    /**
     * Runs statements {@code from} to {@code to} (exclusive) as one batch, inside the script's transaction; a failure
     * is rolled back and named as {@link #execute} names it: the statement the batch stopped at, with the database's
     * own error (the batch's next exception).
     */
    private void executeBatch(Statement statement, PreparedScript script, int from, int to) throws SQLException {
        for (int i = from; i < to; i++) {
            statement.addBatch(script.statements().get(i).sql());
        }
        try {
            statement.executeBatch();
        } catch (SQLException e) {
            int failed = from;
            SQLException cause = e;
            if (e instanceof BatchUpdateException batch) {
                failed = from + entry(batch, to - from);
                cause = batch.getNextException() != null ? batch.getNextException() : e;
            }
            rollback(cause);
            throw failure(script, script.statements().get(failed), failed, true, cause);
        } finally {
            statement.clearBatch();
        }
    }

    /**
     * The 0-based entry of a batch of {@code size} that failed. Inside a transaction pgJDBC marks every entry failed
     * in the update counts (none of them will stay), so the entry comes from its message, "Batch entry N ...", the
     * first number in it whatever the driver's language; 0 when there is none in range.
     */
    static int entry(BatchUpdateException batch, int size) {
        String message = String.valueOf(batch.getMessage());
        int start = 0;
        while (start < message.length() && !Character.isDigit(message.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < message.length() && end - start < 9 && Character.isDigit(message.charAt(end))) {
            end++;
        }
        int entry = end > start ? Integer.parseInt(message.substring(start, end)) : 0;
        return entry < size ? entry : 0;
    }

    /** Runs statement {@code index}; a failure is rolled back ({@code running} null) or recorded on {@code running}. */
    private void execute(Statement statement, PreparedScript script, int index, HistoryRow running)
            throws SQLException {
        SqlStatement sql = script.statements().get(index);
        try {
            dialect.execute(statement, sql);
        } catch (SQLException e) {
            if (running == null) {
                rollback(e);
            } else {
                recordFailure(running, script, sql, index, e);
            }
            throw failure(script, sql, index, running == null, e);
        }
    }

    private void rollback(SQLException cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void recordFailure(
            HistoryRow running, PreparedScript script, SqlStatement sql, int applied, SQLException cause) {
        try {
            ErrorPlace place = place(script, sql, cause);
            HistoryRow failed = running.withOutcome(
                    false, applied, millisSince(running.installedOn()), place.describe() + ": " + place.message());
            guarded.table().update(failed);
            guarded.written(failed);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private MigrationException failure(
            PreparedScript script, SqlStatement sql, int applied, boolean transactional, SQLException e) {
        boolean undo = script.script().type() == MigrationType.UNDO;
        String file = script.script().fileName();
        int total = script.statements().size();
        ErrorPlace place = place(script, sql, e);
        String what = (undo ? "Undo file " : "Migration ") + file + " failed at " + place.describe() + " (statement "
                + (applied + 1) + " of " + total + "): " + place.message() + ".";
        String next = undo ? undoNext(file, applied, transactional) : migrateNext(file, applied, transactional);
        return new MigrationException(
                MigrationErrorCode.MIGRATION_FAILED,
                what + next + " (" + script.script().origin() + ")",
                e);
    }

    /** Where in the file {@code sql} failed: the database's position in the statement, translated. */
    private ErrorPlace place(PreparedScript script, SqlStatement sql, SQLException e) {
        return dialect.errorPlace(sql, ErrorPlace.startColumn(script.script().content(), sql), message(e));
    }

    private String migrateNext(String file, int applied, boolean transactional) {
        return transactional
                ? " Its transaction was rolled back: nothing of " + file
                        + " was applied. Fix the file and run migrate again"
                : " " + ranSoFar(applied) + "; the history records how far it got. Fix statement " + (applied + 1)
                        + " and run migrate again: it resumes at statement " + (applied + 1) + " as long as statements"
                        + " before it are unchanged. To run the file from the start instead, undo what ran by hand and"
                        + " run `keelson db repair`";
    }

    private String undoNext(String file, int applied, boolean transactional) {
        return transactional
                ? " Its transaction was rolled back: nothing of " + file + " ran and its version stays applied. Fix the"
                        + " undo file and run the rollback again"
                : " " + ranSoFar(applied) + "; the history records the failed undo. Finish or revert what ran by hand,"
                        + " fix the undo file, run `keelson db repair` to clear the failed entry, then run the rollback"
                        + " again";
    }

    private String ranSoFar(int applied) {
        return (applied == 0 ? "No statement of it ran" : "Statements 1 to " + applied + " ran and stay applied") + " ("
                + (dialect.transactionalDdl()
                        ? "the file runs without a transaction"
                        : dialect.name() + " cannot roll back DDL")
                + ")";
    }

    private static String message(SQLException e) {
        String text = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().strip();
        text = text.replaceAll("[.\\s]+$", ""); // the sentence ends here, once: no "..", whatever the driver wrote
        return (e.getSQLState() == null ? "" : "SQLState " + e.getSQLState() + ": ") + text;
    }

    /** A row of this run, with no outcome yet. */
    private HistoryRow row(PreparedScript script, EntryType type, Instant on, StatementHashes hashes) {
        var s = script.script();
        return new HistoryRow(
                guarded.history().nextRank(),
                s.version(),
                s.description(),
                type,
                s.fileName(),
                s.checksum(),
                installedBy,
                on,
                0,
                false,
                script.from(),
                null,
                hashes);
    }
}
