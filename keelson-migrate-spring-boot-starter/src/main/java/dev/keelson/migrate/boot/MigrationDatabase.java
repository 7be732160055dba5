package dev.keelson.migrate.boot;

import dev.keelson.migrate.ErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigratorConfig;
import dev.keelson.migrate.lint.LintDialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The database a {@link dev.keelson.migrate.Migrator} works on, for the questions the start-up asks before migrating:
 * which lint rules apply, and whether an unmanaged schema already has tables.
 */
record MigrationDatabase(MigratorConfig config) {
    /** The dialect and server version the linter needs; empty for a database it has no rules for. */
    record LintTarget(LintDialect dialect, String serverVersion) {}

    Optional<LintTarget> lintTarget() {
        try (Connection c = connect()) {
            DatabaseMetaData meta = c.getMetaData();
            Optional<LintDialect> dialect = LintDialect.fromUrl(meta.getURL());
            return dialect.map(d -> new LintTarget(d, d == LintDialect.MYSQL ? productVersion(meta) : null));
        } catch (SQLException e) {
            throw failed("read which database it is, to lint the migrations", e);
        }
    }

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

    private static String productVersion(DatabaseMetaData meta) {
        try {
            return meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            return null; // the linter then applies the newest MariaDB LTS rules
        }
    }

    private static MigrationException failed(String what, SQLException e) {
        return new MigrationException(ErrorCode.CONNECTION_FAILED, "Cannot " + what + ": " + e.getMessage()
                + " (SQLState " + e.getSQLState() + ")", e);
    }
}
