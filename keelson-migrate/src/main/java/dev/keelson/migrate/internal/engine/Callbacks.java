package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationListener;
import dev.keelson.migrate.internal.database.Dialect;
import dev.keelson.migrate.internal.resolve.CallbackEvent;
import dev.keelson.migrate.internal.resolve.CallbackScript;
import dev.keelson.migrate.internal.resolve.Placeholders;
import dev.keelson.migrate.internal.resolve.ScriptCatalog;
import dev.keelson.migrate.internal.sql.SqlParseException;
import dev.keelson.migrate.internal.sql.SqlStatement;
import dev.keelson.migrate.internal.sql.StatementSplitter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The callback files of a run ({@link CallbackEvent}, Flyway's names and semantics), prepared once: placeholders
 * replaced, split. A callback runs on the migration connection in whatever transaction is open: the
 * {@code beforeEach}/{@code afterEach} ones inside the migration's own transaction (so they commit or roll back
 * with it), the others in autocommit. Callbacks are not recorded in the history. A failing callback fails the
 * command naming its file and line; one of an error event is added to the failure being reported instead.
 */
final class Callbacks {
    /** One callback file, split. */
    private record Prepared(CallbackScript script, List<SqlStatement> statements) {}

    private final Map<CallbackEvent, List<Prepared>> byEvent;
    private final Dialect dialect;

    private Callbacks(Map<CallbackEvent, List<Prepared>> byEvent, Dialect dialect) {
        this.byEvent = byEvent;
        this.dialect = dialect;
    }

    /** No callbacks. */
    static Callbacks none(Dialect dialect) {
        return new Callbacks(Map.of(), dialect);
    }

    /**
     * The callbacks of {@code catalog}; tells {@code listener} about files of events keelson does not run.
     *
     * @throws MigrationException {@code SQL_PARSE_ERROR} or {@code UNKNOWN_PLACEHOLDER} naming the file
     */
    static Callbacks of(ScriptCatalog catalog, Placeholders placeholders, Dialect dialect, MigrationListener listener) {
        Map<CallbackEvent, List<Prepared>> byEvent = new EnumMap<>(CallbackEvent.class);
        for (CallbackScript c : catalog.callbacks()) {
            if (!c.event().runs()) {
                listener.notice(c.fileName() + " is a Flyway callback of "
                        + c.event().flywayName() + ", an event keelson has no command for: it is not run");
                continue;
            }
            String text = placeholders.replace(c.fileName(), c.content());
            try {
                byEvent.computeIfAbsent(c.event(), e -> new ArrayList<>())
                        .add(new Prepared(c, new StatementSplitter(dialect.splitRules()).split(text)));
            } catch (SqlParseException e) {
                throw new MigrationException(
                        MigrationErrorCode.SQL_PARSE_ERROR,
                        c.fileName() + ": " + e.getMessage() + " (" + c.origin() + ")",
                        e);
            }
        }
        return new Callbacks(byEvent, dialect);
    }

    /**
     * Runs the callbacks of {@code event} on {@code connection}, in its current transaction.
     *
     * @throws MigrationException {@code MIGRATION_FAILED} naming the callback file, line and the database's message
     */
    void run(CallbackEvent event, Connection connection) {
        for (Prepared p : byEvent.getOrDefault(event, List.of())) {
            try (Statement statement = connection.createStatement()) {
                for (SqlStatement sql : p.statements()) {
                    execute(statement, p, sql);
                }
            } catch (SQLException e) {
                throw new MigrationException(
                        MigrationErrorCode.CONNECTION_FAILED,
                        "Database error in callback " + p.script().fileName() + ": " + e.getMessage(),
                        e);
            }
        }
    }

    /** Runs the callbacks of an error {@code event} after {@code failure}; their own failure is added to it. */
    void runAfter(CallbackEvent event, Connection connection, RuntimeException failure) {
        try {
            run(event, connection);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void execute(Statement statement, Prepared p, SqlStatement sql) {
        try {
            dialect.execute(statement, sql);
        } catch (SQLException e) {
            String message = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().strip().replaceAll("[.\\s]+$", "");
            throw new MigrationException(
                    MigrationErrorCode.MIGRATION_FAILED,
                    "Callback " + p.script().fileName() + " ("
                            + p.script().event().flywayName() + ") failed at line " + sql.line() + ": "
                            + (e.getSQLState() == null ? "" : "SQLState " + e.getSQLState() + ": ") + message
                            + ". Fix the"
                            + " callback file and run the command again ("
                            + p.script().origin() + ")",
                    e);
        }
    }
}
