package dev.keelson.migrate.internal.database.mongodb;

import com.mongodb.MongoException;
import com.mongodb.client.ClientSession;
import dev.keelson.migrate.ExecutedMigration;
import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationListener;
import dev.keelson.migrate.MigrationType;
import dev.keelson.migrate.internal.history.EntryType;
import dev.keelson.migrate.internal.history.History;
import dev.keelson.migrate.internal.history.HistoryRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

/**
 * Runs one file's commands. Where the server runs transactions and every command of the file may run in one
 * ({@link TransactionFit}), the file runs in one transaction with its history row: all of it or nothing. Otherwise
 * the history row is written first and updated after every command, so a failed or killed run says exactly how far
 * it got and the next {@code migrate} resumes there once the failing command is fixed.
 */
final class CommandRunner {
    private final Server server;
    private final HistoryCollection table;
    private final History history;
    private final LockDocument lock;
    private final MigrationListener listener;
    private final Clock clock;

    CommandRunner(
            Server server,
            HistoryCollection table,
            History history,
            LockDocument lock,
            MigrationListener listener,
            Clock clock) {
        this.server = server;
        this.table = table;
        this.history = history;
        this.lock = lock;
        this.listener = listener;
        this.clock = clock;
    }

    ExecutedMigration run(CommandStep step, int index, int total) {
        CommandFile file = step.file();
        listener.starting(file.type(), file.version(), file.fileName(), index, total);
        Instant start = clock.instant();
        EntryType type = file.type() == MigrationType.UNDO ? EntryType.UNDO : EntryType.VERSIONED;
        boolean transaction = server.transactions() && TransactionFit.fits(file) && step.from() == 0;
        if (transaction) {
            inTransaction(step, type, start);
        } else {
            tracked(step, type, start);
        }
        ExecutedMigration done = step.executed(Duration.between(start, clock.instant()));
        listener.finished(done, index, total);
        return done;
    }

    private void inTransaction(CommandStep step, EntryType type, Instant start) {
        CommandFile file = step.file();
        try (ClientSession session = server.client().startSession()) {
            session.startTransaction();
            int applied = 0;
            try {
                for (Command c : file.commands()) {
                    lock.checkHeld();
                    checked(server.databaseFor(c).runCommand(session, c.body(), BsonDocument.class));
                    applied++;
                }
                HistoryRow row = row(file, type, start, 0).withOutcome(true, applied, millisSince(start), null);
                table.insert(session, row);
                session.commitTransaction();
                history.append(row);
            } catch (MongoException e) {
                abort(session, e);
                throw failure(
                        file,
                        file.commands().get(Math.min(applied, file.commands().size() - 1)),
                        applied,
                        true,
                        e);
            } catch (RuntimeException e) {
                abort(session, e);
                throw e;
            }
        }
    }

    /**
     * Write commands ({@code insert}, {@code update}, {@code delete}) answer {@code ok: 1} even when documents
     * failed: their errors come in {@code writeErrors} and {@code writeConcernError}, and fail the command here.
     */
    private static void checked(BsonDocument reply) {
        BsonArray errors = reply.getArray("writeErrors", new BsonArray());
        if (!errors.isEmpty()) {
            BsonDocument first = errors.getFirst().asDocument();
            throw new MongoException(
                    first.getInt32("code", new BsonInt32(-1)).getValue(),
                    (errors.size() == 1 ? "" : errors.size() + " write errors, the first: ")
                            + first.getString("errmsg", new BsonString("write error"))
                                    .getValue());
        }
        if (reply.isDocument("writeConcernError")) {
            BsonDocument error = reply.getDocument("writeConcernError");
            throw new MongoException(
                    error.getInt32("code", new BsonInt32(-1)).getValue(),
                    "write concern error: "
                            + error.getString("errmsg", new BsonString("")).getValue());
        }
    }

    private static void abort(ClientSession session, Exception cause) {
        try {
            if (session.hasActiveTransaction()) {
                session.abortTransaction();
            }
        } catch (MongoException e) {
            cause.addSuppressed(e);
        }
    }

    private void tracked(CommandStep step, EntryType type, Instant start) {
        CommandFile file = step.file();
        HistoryRow row = row(file, type, start, step.from());
        table.insert(row);
        history.append(row);
        int applied = step.from();
        for (Command c : file.commands().subList(step.from(), file.commands().size())) {
            lock.checkHeld();
            try {
                checked(server.databaseFor(c).runCommand(c.body(), BsonDocument.class));
            } catch (MongoException e) {
                row = row.withOutcome(false, applied, millisSince(start), c.where() + ": " + MongoEngine.message(e));
                record(row, e);
                throw failure(file, c, applied, false, e);
            }
            applied++;
            row = row.withOutcome(applied == file.commands().size(), applied, millisSince(start), null);
            record(row, null);
        }
        if (file.commands().isEmpty() || applied == step.from()) {
            row = row.withOutcome(true, applied, millisSince(start), null);
            record(row, null);
        }
    }

    private void record(HistoryRow row, Exception cause) {
        try {
            table.update(row);
            history.append(row);
        } catch (MongoException e) {
            if (cause == null) {
                throw new MigrationException(
                        MigrationErrorCode.CONNECTION_FAILED,
                        "Cannot record progress in " + table.name() + ": " + MongoEngine.message(e),
                        e);
            }
            cause.addSuppressed(e);
        }
    }

    private HistoryRow row(CommandFile file, EntryType type, Instant on, int from) {
        return new HistoryRow(
                history.nextRank(),
                file.version(),
                file.description(),
                type,
                file.fileName(),
                file.checksum(),
                server.installedBy(),
                on,
                0,
                false,
                from,
                null,
                file.hashes());
    }

    private long millisSince(Instant start) {
        return Duration.between(start, clock.instant()).toMillis();
    }

    private static MigrationException failure(
            CommandFile file, Command c, int applied, boolean transaction, MongoException e) {
        boolean undo = file.type() == MigrationType.UNDO;
        int total = file.commands().size();
        String what = (undo ? "Undo file " : "Migration ") + file.fileName() + " failed at command " + c.position()
                + " of " + total + " (line " + c.line() + ", " + c.name() + "): " + MongoEngine.message(e) + ".";
        String next;
        if (transaction) {
            next = undo
                    ? " Its transaction was aborted: nothing of it ran and its version stays applied. Fix the undo file"
                            + " and run the rollback again"
                    : " Its transaction was aborted: nothing of " + file.fileName()
                            + " was applied. Fix the file and run migrate again";
        } else {
            String ran = (applied == 0 ? "No command of it ran" : "Commands 1 to " + applied + " ran and stay applied")
                    + " ("
                    + (TransactionFit.fits(file)
                            ? "the server runs no transactions"
                            : "the file has commands" + " MongoDB does not run in a transaction")
                    + ")";
            next = undo
                    ? " " + ran + "; the history records the failed undo. Finish or revert what ran by hand, fix the"
                            + " undo file, run `keelson db repair` to clear the failed entry, then run the rollback again"
                    : " " + ran + "; the history records how far it got. Fix command " + (applied + 1)
                            + " and run migrate again: it resumes at command " + (applied + 1) + " as long as commands"
                            + " before it are unchanged. To run the file from the start instead, undo what ran by hand"
                            + " and run `keelson db repair`";
        }
        return new MigrationException(MigrationErrorCode.MIGRATION_FAILED, what + next + " (" + file.origin() + ")", e);
    }
}
