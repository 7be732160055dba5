package dev.keelson.reference.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Fresh databases on the local PostgreSQL (127.0.0.1:5432 user postgres, or {@code KEELSON_TEST_PG_URL} /
 * {@code KEELSON_TEST_PG_USER}). When it does not answer: with {@code CI=true} the test fails; otherwise an
 * embedded PostgreSQL stands in, said once on standard error.
 */
public final class TestPostgres {
    private static final String URL = env("KEELSON_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("KEELSON_TEST_PG_USER", "postgres");
    private static EmbeddedPostgres embedded;
    private static String adminUrl;

    private TestPostgres() {}

    /** A new empty database. */
    public record Database(String url, String user, String name) {
        public DriverManagerDataSource dataSource() {
            return new DriverManagerDataSource(url, user, "");
        }

        /** The same database reached through {@code host:port} (a {@link TcpProxy} in front of the server). */
        public String urlThrough(String host, int port) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        /** Host and port of the server holding this database. */
        public InetSocketAddress server() {
            URI uri = URI.create(url.substring("jdbc:".length()));
            return InetSocketAddress.createUnresolved(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
        }

        /** Drops the database, closing its connections. */
        public void drop() {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    public static synchronized Database create() {
        String admin = admin();
        String name = "rs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name);
        return new Database(admin.substring(0, admin.lastIndexOf('/') + 1) + name, USER, name);
    }

    private static String admin() {
        if (adminUrl != null) {
            return adminUrl;
        }
        if (reachable()) {
            adminUrl = URL;
        } else if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true but PostgreSQL at " + URL + " does not answer: start it");
        } else {
            System.err.println("[reference-service tests] PostgreSQL at " + URL + " not reachable: using embedded");
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new IllegalStateException("Could not start embedded PostgreSQL", e);
            }
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
        }
        return adminUrl;
    }

    private static boolean reachable() {
        DriverManager.setLoginTimeout(3);
        try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
            return connection.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(admin(), USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
