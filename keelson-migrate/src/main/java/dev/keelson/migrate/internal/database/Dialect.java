package dev.keelson.migrate.internal.database;

import dev.keelson.migrate.internal.diff.Catalog;
import dev.keelson.migrate.internal.lint.Rule;
import dev.keelson.migrate.internal.sql.ErrorPlace;
import dev.keelson.migrate.internal.sql.SplitRules;
import dev.keelson.migrate.internal.sql.SqlStatement;
import dev.keelson.migrate.lint.LintDialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A SQL database reached over JDBC: everything the engine, the lint and the diff need to know about it. One
 * stateless instance per database, in the database's own package ({@code internal.database.postgresql}, ...),
 * listed in {@link Databases}.
 */
public interface Dialect extends Database {

    /**
     * Whether a failed attempt to open {@code url} is a passing race worth retrying (a few times, 250 ms apart); no
     * by default.
     */
    default boolean retryOpen(SQLException e) {
        return false;
    }

    /** Which lint rules apply to this database's files; empty when only the rules for every database do. */
    default Optional<LintDialect> lintDialect() {
        return Optional.empty();
    }

    /** The lint rules for this database's files only, in the order they are documented; none by default. */
    default List<Rule> lintRules() {
        return List.of();
    }

    /** Reading this database's catalog and writing its DDL, for the schema diff; empty where the diff does not go. */
    default Optional<Catalog> catalog() {
        return Optional.empty();
    }

    /**
     * How this database's own client cuts scripts into statements: its {@code ScriptRules} (quotes, comments,
     * directives and bodies beyond what every client shares), in this database's package.
     */
    SplitRules splitRules();

    /** True when a failed migration's DDL can be rolled back with its transaction. */
    boolean transactionalDdl();

    /** The type of the history table's free-text {@code error} column. */
    default String textType() {
        return "VARCHAR(4000)";
    }

    /** The type of a history column that may hold long text (a hash per statement of a large file). */
    default String longTextType() {
        return "TEXT";
    }

    /** The type of the history table's {@code installed_on} column. */
    default String timestampType() {
        return "TIMESTAMP";
    }

    /**
     * Whether {@code table} exists, asked without disturbing an open transaction where the database would abort
     * it on an error (PostgreSQL overrides this); the default tries a query and must run in autocommit mode.
     */
    default boolean tableExists(Connection connection, String table) throws SQLException {
        if (!connection.getAutoCommit()) {
            throw new IllegalStateException("check existence in autocommit mode only");
        }
        try (Statement s = connection.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException absent) {
            return false;
        }
    }

    /**
     * Makes a new migration connection's session behave as the database's own command-line client's would, so a
     * file applies through Keelson exactly as it does through {@code psql} or {@code mysql}. Nothing by default.
     */
    default void prepareSession(Connection connection) throws SQLException {}

    /**
     * Where {@code sql}, starting at {@code column} of its first line, failed, from the database's {@code message}
     * (SQLState prefix included): the statement's first line unless the database gives a position inside it.
     */
    default ErrorPlace errorPlace(SqlStatement sql, int column, String message) {
        return ErrorPlace.statementStart(sql, message);
    }

    /**
     * Whether {@code sql} may go into a JDBC batch with the statements next to it, so that a run of such statements
     * costs one round trip ({@link Statement#executeBatch}): only a statement that returns no rows and needs nothing
     * but {@link Statement#execute}. None by default.
     */
    default boolean batchable(SqlStatement sql) {
        return false;
    }

    /** Executes one statement of a script. */
    default void execute(Statement statement, SqlStatement sql) throws SQLException {
        statement.execute(sql.sql());
    }

    /** The statements that create the history table. */
    default List<String> createHistoryTable(String table) {
        return List.of("CREATE TABLE " + table + " ("
                + "installed_rank INTEGER NOT NULL PRIMARY KEY, "
                + "version VARCHAR(50), "
                + "description VARCHAR(200) NOT NULL, "
                + "type VARCHAR(20) NOT NULL, "
                + "script VARCHAR(1000), "
                + "checksum VARCHAR(80), "
                + "installed_by VARCHAR(100) NOT NULL, "
                + "installed_on " + timestampType() + " NOT NULL, "
                + "execution_time_ms INTEGER NOT NULL, "
                + "success BOOLEAN NOT NULL, "
                + "statements_applied INTEGER NOT NULL, "
                + "error " + textType() + ", "
                + "statement_hashes " + longTextType() + ")");
    }

    /**
     * The migration lock for {@code historyTable}: a run lock is taken here, waiting as {@code waiter} says; a
     * per-migration lock is taken by its {@code enter} methods (see {@link MigrationLock}).
     *
     * @param migration      the migration connection (not owned by the lock)
     * @param lockConnection opens a connection for the lock only, owned by the returned lock
     */
    MigrationLock lock(
            Connection migration, Supplier<Connection> lockConnection, String historyTable, LockWaiter waiter)
            throws SQLException;

    /**
     * Who holds the migration lock of {@code historyTable} right now, if anyone: for {@code status}, to tell a file
     * still running from one that was interrupted. Asked on any connection; changes nothing.
     */
    Optional<String> lockHolder(Connection connection, String historyTable, Duration staleAfter) throws SQLException;
}
