package dev.keelson.migrate.internal.dialect;

import dev.keelson.migrate.ErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.internal.sql.SplitRules;
import dev.keelson.migrate.internal.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

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

    /** The type of the history table's {@code installed_on} column. */
    default String timestampType() {
        return "TIMESTAMP";
    }

    /**
     * Session settings that make the commits of a run's earlier migrations cheaper without weakening what a
     * finished run guarantees; empty when the database has none. {@link #strictCommits()} undoes them and is
     * applied before the run's last migration, whose commit then makes every earlier one durable too.
     */
    default List<String> relaxedCommits() {
        return List.of();
    }

    /** Undoes {@link #relaxedCommits()}. */
    default List<String> strictCommits() {
        return List.of();
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
                + "error " + textType() + ")");
    }

    /**
     * Takes the migration lock for {@code historyTable}, waiting as {@code waiter} says.
     *
     * @param lockConnection a connection used for the lock only, owned by the returned lock
     */
    MigrationLock lock(Connection lockConnection, String historyTable, LockWaiter waiter) throws SQLException;

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
        throw new MigrationException(ErrorCode.UNSUPPORTED_DATABASE, "Keelson does not support '" + kind
                + "' databases (URL " + url.split("[?;]", 2)[0] + "); use PostgreSQL, MySQL/MariaDB, SQLite or H2");
    }
}
