package dev.keelson.migrate.boot;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigratorConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The database a {@link dev.keelson.migrate.Migrator} works on: whether an unmanaged schema already has tables. */
record MigrationDatabase(MigratorConfig config) {
    /** True when the current schema (or catalog) has a table other than {@code historyTable}. */
    boolean hasTablesBesides(String historyTable) {
        try (Connection c = connect();
                ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                if (!rs.getString("TABLE_NAME").equalsIgnoreCase(historyTable)) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw failed("list the tables, to decide on keelson.migrate.baseline-on-migrate", e);
        }
    }

    private Connection connect() throws SQLException {
        return config.dataSource() != null
                ? config.dataSource().getConnection()
                : DriverManager.getConnection(config.url(), config.user(), config.password());
    }

    private static MigrationException failed(String what, SQLException e) {
        return new MigrationException(
                MigrationErrorCode.CONNECTION_FAILED,
                "Cannot " + what + ": " + e.getMessage() + " (SQLState " + e.getSQLState() + ")",
                e);
    }
}
