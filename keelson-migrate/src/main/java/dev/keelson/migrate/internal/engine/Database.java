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
            Dialect dialect = Dialect.forUrl(config.url() != null ? config.url() : connection.getMetaData().getURL());
            return new Database(config, connection, dialect);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e instanceof MigrationException m ? m : new MigrationException(ErrorCode.CONNECTION_FAILED,
                    "Cannot use the database connection: " + e.getMessage(), e);
        }
    }

    private static Connection connect(MigratorConfig config) {
        try {
            return config.url() != null
                    ? DriverManager.getConnection(config.url(), config.user(), config.password())
                    : config.dataSource().getConnection();
        } catch (SQLException e) {
            String where = config.url() != null ? config.url().split("[?;]", 2)[0] : "the DataSource";
            throw new MigrationException(ErrorCode.CONNECTION_FAILED, "Cannot connect to " + where + ": " + e.getMessage()
                    + (e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")"), e);
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
