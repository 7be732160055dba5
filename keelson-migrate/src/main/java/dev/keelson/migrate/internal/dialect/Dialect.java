package dev.keelson.migrate.internal.dialect;

import dev.keelson.migrate.ErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.internal.sql.SplitRules;
import dev.keelson.migrate.internal.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What differs between databases. One instance per engine; stateless.
 */
public sealed interface Dialect permits PostgresDialect, MysqlDialect, SqliteDialect, H2Dialect {

    /** A short name for messages: {@code PostgreSQL}, {@code MySQL/MariaDB}, {@code SQLite}, {@code H2}. */
    String name();

    /** The lexical rules for splitting scripts. */
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

    /**
     * The dialect for a JDBC URL.
     *
     * @throws MigrationException {@link ErrorCode#UNSUPPORTED_DATABASE} naming the URL's database
     */
    static Dialect forUrl(String url) {
        String u = url.toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) {
            return new PostgresDialect();
        }
        if (u.startsWith("jdbc:mysql:") || u.startsWith("jdbc:mariadb:")) {
            return new MysqlDialect();
        }
        if (u.startsWith("jdbc:sqlite:")) {
            return new SqliteDialect();
        }
        if (u.startsWith("jdbc:h2:")) {
            return new H2Dialect();
        }
        String kind = u.startsWith("jdbc:") ? u.substring(5).split(":", 2)[0] : u;
        throw new MigrationException(
                ErrorCode.UNSUPPORTED_DATABASE,
                "Keelson does not support '" + kind + "' databases (URL " + url.split("[?;]", 2)[0]
                        + "); use PostgreSQL, MySQL/MariaDB, SQLite or H2");
    }
}
