package dev.keelson.migrate.internal.diff;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.internal.database.Databases;
import dev.keelson.migrate.internal.database.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A temporary database on the same server as a JDBC URL ({@code keelson_scratch_<random>}), created on
 * {@link #create} and dropped on {@link #close()} (PostgreSQL: {@code WITH (FORCE)}, so leftover sessions do not
 * keep it alive). The user needs the right to create databases.
 *
 * @param url      the scratch database's URL: the original with the database name replaced
 * @param name     the scratch database's name
 * @param adminUrl the original URL, used to drop it
 * @param user     the user
 * @param password the password
 * @param catalog  the catalog of the server's database
 */
public record ScratchDatabase(String url, String name, String adminUrl, String user, String password, Catalog catalog)
        implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("(jdbc:[a-z0-9]+://[^/?;]*/)([^?;]*)(.*)");

    /**
     * Creates a scratch database next to the one {@code url} names.
     *
     * @throws MigrationException {@code CONFIGURATION} for a URL without a database name or of another database;
     *     {@code CONNECTION_FAILED} when the server refuses
     */
    public static ScratchDatabase create(String url, String user, String password) {
        Matcher m = URL.matcher(url);
        Optional<Catalog> catalog = Databases.findDialect(url).flatMap(Dialect::catalog);
        if (!m.matches() || catalog.isEmpty()) {
            throw new MigrationException(
                    MigrationErrorCode.CONFIGURATION,
                    "Cannot build a scratch database next to " + url
                            + ": give a jdbc:postgresql://host/db or jdbc:mariadb://host/db URL");
        }
        String name = "keelson_scratch_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ScratchDatabase scratch =
                new ScratchDatabase(m.group(1) + name + m.group(3), name, url, user, password, catalog.get());
        scratch.execute("CREATE DATABASE " + name);
        return scratch;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public void close() {
        execute(catalog.dropDatabase(name));
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new MigrationException(
                    MigrationErrorCode.CONNECTION_FAILED,
                    "Scratch database: " + sql + " failed on " + adminUrl + ": " + e.getMessage() + " (SQLState "
                            + e.getSQLState()
                            + "); the user needs the right to create databases (the database of the URL was not changed)",
                    e);
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "ScratchDatabase[" + url + "]";
    }
}
