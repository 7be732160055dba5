package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigratorConfig;
import dev.keelson.migrate.internal.database.Databases;
import dev.keelson.migrate.internal.database.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One operation's session: the migration connection and the dialect of its database. Closing it closes the
 * connection.
 */
final class Session implements AutoCloseable {
    private final MigratorConfig config;
    private final Connection connection;
    private final Dialect dialect;

    private Session(MigratorConfig config, Connection connection, Dialect dialect) {
        this.config = config;
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * Opens the session. A connection the dialect calls a passing race ({@link Dialect#retryOpen}), at its opening or
     * at its first use (an H2 {@code AUTO_SERVER} database whose host process has just ended), is opened again, for up
     * to 5 s in all.
     */
    static Session open(MigratorConfig config) {
        // an unsupported database fails before any connection attempt
        Dialect named = config.url() != null ? Databases.dialectFor(config.url()) : null;
        for (int attempt = 1; ; attempt++) {
            Connection connection = connect(config, named);
            try {
                connection.setAutoCommit(true);
                Dialect dialect = named != null
                        ? named
                        : Databases.dialectFor(connection.getMetaData().getURL());
                dialect.prepareSession(connection);
                return new Session(config, connection, dialect);
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                if (e instanceof SQLException race && named != null && named.retryOpen(race) && attempt < 20) {
                    pauseBeforeRetry(race);
                    continue;
                }
                throw e instanceof MigrationException m
                        ? m
                        : new MigrationException(
                                MigrationErrorCode.CONNECTION_FAILED,
                                "Cannot use the database connection: " + e.getMessage(),
                                e);
            }
        }
    }

    private static void pauseBeforeRetry(SQLException race) {
        try {
            pause();
        } catch (SQLException interrupted) {
            throw new MigrationException(
                    MigrationErrorCode.CONNECTION_FAILED,
                    "Cannot use the database connection: " + race.getMessage(),
                    race);
        }
    }

    private static Connection connect(MigratorConfig config, Dialect dialect) {
        try {
            return config.url() != null
                    ? openUrl(config, dialect)
                    : config.dataSource().getConnection();
        } catch (SQLException e) {
            String where = config.url() != null ? config.url().split("[?;]", 2)[0] : "the DataSource";
            throw new MigrationException(
                    MigrationErrorCode.CONNECTION_FAILED,
                    "Cannot connect to " + where + ": " + e.getMessage()
                            + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")"),
                    e);
        }
    }

    /** Opens the URL; a failure the dialect calls a passing race ({@link Dialect#retryOpen}) is retried for up to 5 s. */
    private static Connection openUrl(MigratorConfig config, Dialect dialect) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return DriverManager.getConnection(config.url(), config.user(), config.password());
            } catch (SQLException e) {
                if (!dialect.retryOpen(e) || attempt >= 20) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() throws SQLException {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while opening the database", e);
        }
    }

    /** A second connection, for the lock. */
    Connection openAnother() {
        return connect(config, dialect);
    }

    Connection connection() {
        return connection;
    }

    Dialect dialect() {
        return dialect;
    }

    /** The configured "installed by", else the database user, else the OS user. */
    String installedBy() throws SQLException {
        if (config.installedBy() != null) {
            return config.installedBy();
        }
        String user = connection.getMetaData().getUserName();
        return user == null || user.isBlank() ? System.getProperty("user.name", "unknown") : user;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing left to do with it
        }
    }
}
