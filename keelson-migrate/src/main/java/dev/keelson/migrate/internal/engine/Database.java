package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.ErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigratorConfig;
import dev.keelson.migrate.internal.dialect.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The migration connection and the dialect of its database. Closing it closes the connection.
 */
final class Database implements AutoCloseable {
    private final MigratorConfig config;
    private final Connection connection;
    private final Dialect dialect;

    private Database(MigratorConfig config, Connection connection, Dialect dialect) {
        this.config = config;
        this.connection = connection;
        this.dialect = dialect;
    }

    static Database open(MigratorConfig config) {
        if (config.url() != null) {
            Dialect.forUrl(config.url()); // an unsupported database fails before any connection attempt
        }
        Connection connection = connect(config);
        try {
            connection.setAutoCommit(true);
            Dialect dialect = Dialect.forUrl(
                    config.url() != null
                            ? config.url()
                            : connection.getMetaData().getURL());
            dialect.prepareSession(connection);
            return new Database(config, connection, dialect);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof MigrationException m
                    ? m
                    : new MigrationException(
                            ErrorCode.CONNECTION_FAILED, "Cannot use the database connection: " + e.getMessage(), e);
        }
    }

    private static Connection connect(MigratorConfig config) {
        try {
            return config.url() != null ? openUrl(config) : config.dataSource().getConnection();
        } catch (SQLException e) {
            String where = config.url() != null ? config.url().split("[?;]", 2)[0] : "the DataSource";
            throw new MigrationException(
                    ErrorCode.CONNECTION_FAILED,
                    "Cannot connect to " + where + ": " + e.getMessage()
                            + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")"),
                    e);
        }
    }

    /**
     * Opens the URL. H2 file databases with {@code AUTO_SERVER=TRUE} refuse a process that opens the file at the
     * same instant as another, or while the process serving it hands it over (errors 8000 "Lock file recently
     * modified", 90020 "Database may be already in use", and 90067 "Connection is broken" when the serving process
     * closes the database while the connection is made): that race is retried for up to 5 s.
     */
    private static Connection openUrl(MigratorConfig config) throws SQLException {
        boolean h2 = config.url().regionMatches(true, 0, "jdbc:h2:", 0, 8);
        for (int attempt = 1; ; attempt++) {
            try {
                return DriverManager.getConnection(config.url(), config.user(), config.password());
            } catch (SQLException e) {
                boolean race =
                        h2 && (e.getErrorCode() == 90020 || e.getErrorCode() == 8000 || e.getErrorCode() == 90067);
                if (!race || attempt >= 20) {
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
        return connect(config);
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
