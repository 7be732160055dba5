package dev.keelson.migrate.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh databases on the real local servers. PostgreSQL and MariaDB come from the machine
 * (127.0.0.1:5432 user postgres, 127.0.0.1:3306 user root; override with {@code KEELSON_TEST_PG_URL},
 * {@code KEELSON_TEST_PG_USER}, {@code KEELSON_TEST_MARIADB_URL}, {@code KEELSON_TEST_MARIADB_USER},
 * {@code KEELSON_TEST_MARIADB_PASSWORD}). When a server does not answer: with {@code CI=true} the test fails;
 * otherwise PostgreSQL falls back to embedded PostgreSQL and MariaDB tests are skipped, each said once on
 * standard error. SQLite and H2 use files in a temporary folder.
 */
public final class TestDatabases {
    private static final String PG_URL = env("KEELSON_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = env("KEELSON_TEST_PG_USER", "postgres");
    private static final String MARIADB_URL = env("KEELSON_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
    private static final String MARIADB_USER = env("KEELSON_TEST_MARIADB_USER", "root");
    private static final String MARIADB_PASSWORD = env("KEELSON_TEST_MARIADB_PASSWORD", "");

    private static EmbeddedPostgres embedded;
    private static boolean pgReported;
    private static boolean mariadbReported;

    private TestDatabases() {}

    /** True when running under CI, where every server is required. */
    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** A fresh empty database on {@code engine}; close it to drop it. */
    public static TestDatabase fresh(Engine engine) {
        String name = "kt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try {
            return switch (engine) {
                case POSTGRESQL -> postgres(name);
                case MARIADB -> mariadb(name);
                case SQLITE -> sqlite(name);
                case H2 -> h2(name);
            };
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not create a test database on " + engine + ": " + e, e);
        }
    }

    private static synchronized TestDatabase postgres(String name) throws SQLException, IOException {
        String adminUrl = PG_URL;
        String user = PG_USER;
        String unreachable = whyUnreachable(PG_URL, PG_USER, null);
        if (unreachable != null) {
            if (ci()) {
                throw new AssertionError(
                        "CI=true but PostgreSQL at " + PG_URL + " does not answer (" + unreachable + "): start it");
            }
            if (embedded == null) {
                embedded = EmbeddedPostgres.builder().start();
            }
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            if (!pgReported) {
                System.err.println(
                        "[keelson tests] PostgreSQL at " + PG_URL + " not reachable: using embedded PostgreSQL");
                pgReported = true;
            }
        }
        execute(adminUrl, user, null, "CREATE DATABASE " + name);
        String base = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1);
        String query = adminUrl.contains("?") ? adminUrl.substring(adminUrl.indexOf('?')) : "";
        String url = base + name + query;
        String admin = adminUrl;
        String adminUser = user;
        return new TestDatabase(
                Engine.POSTGRESQL,
                url,
                user,
                null,
                () -> execute(admin, adminUser, null, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    private static synchronized TestDatabase mariadb(String name) throws SQLException {
        String unreachable = whyUnreachable(MARIADB_URL, MARIADB_USER, MARIADB_PASSWORD);
        if (unreachable != null) {
            if (ci()) {
                throw new AssertionError(
                        "CI=true but MariaDB at " + MARIADB_URL + " does not answer (" + unreachable + "): start it");
            }
            if (!mariadbReported) {
                System.err.println(
                        "[keelson tests] MariaDB at " + MARIADB_URL + " not reachable: skipping MariaDB tests");
                mariadbReported = true;
            }
            Assumptions.abort("MariaDB not reachable at " + MARIADB_URL);
        }
        execute(MARIADB_URL, MARIADB_USER, MARIADB_PASSWORD, "CREATE DATABASE " + name);
        String url = MARIADB_URL.substring(0, MARIADB_URL.lastIndexOf('/') + 1) + name;
        return new TestDatabase(
                Engine.MARIADB,
                url,
                MARIADB_USER,
                MARIADB_PASSWORD,
                () -> execute(MARIADB_URL, MARIADB_USER, MARIADB_PASSWORD, "DROP DATABASE IF EXISTS " + name));
    }

    private static TestDatabase sqlite(String name) throws IOException {
        Path dir = Files.createTempDirectory("keelson-sqlite");
        return new TestDatabase(
                Engine.SQLITE, "jdbc:sqlite:" + dir.resolve(name + ".db"), null, null, () -> deleteTree(dir));
    }

    private static TestDatabase h2(String name) throws IOException {
        Path dir = Files.createTempDirectory("keelson-h2");
        // AUTO_SERVER lets several processes open the same file database, as the concurrency tests do
        return new TestDatabase(
                Engine.H2, "jdbc:h2:file:" + dir.resolve(name) + ";AUTO_SERVER=TRUE", "sa", "", () -> deleteTree(dir));
    }

    /** Null when a connection opens, else the driver's reason (refused, too many clients, ...). */
    private static String whyUnreachable(String url, String user, String password) {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static void execute(String url, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
