package dev.keelson.migrate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * In-process timing of the engine alone (no CLI, no JVM start-up): generates N migrations of
 * {@code CREATE TABLE} + {@code CREATE INDEX} + {@code INSERT}, applies them to a fresh PostgreSQL database, then
 * times {@code status} and {@code validate}. Not a test; run it by hand:
 *
 * <pre>
 * mvn -B -ntp -q -pl keelson-migrate test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp keelson-migrate/target/classes:keelson-migrate/target/test-classes:$(cat /tmp/cp.txt) \
 *     dev.keelson.migrate.MigrateScaleMain 500 jdbc:postgresql://127.0.0.1:5432/test postgres
 * </pre>
 */
public final class MigrateScaleMain {
    private MigrateScaleMain() {}

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        String adminUrl = args[1];
        String user = args[2];
        Path dir = Files.createTempDirectory("keelson-scale");
        for (int i = 1; i <= n; i++) {
            Files.writeString(
                    dir.resolve("V" + i + "__table_" + i + ".sql"),
                    "CREATE TABLE t" + i
                            + " (id BIGINT PRIMARY KEY, name VARCHAR(100), created TIMESTAMP);\nCREATE INDEX t" + i
                            + "_name ON t" + i
                            + " (name);\nINSERT INTO t" + i
                            + " VALUES (1, 'a', CURRENT_TIMESTAMP), (2, 'b', CURRENT_TIMESTAMP);\n");
        }
        String db = "kscale_" + System.nanoTime();
        admin(adminUrl, user, "CREATE DATABASE " + db);
        try {
            Migrator m = Migrator.configure()
                    .url(adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + db)
                    .user(user)
                    .location("filesystem:" + dir)
                    .build();
            long t0 = System.nanoTime();
            int applied = m.migrate(MigrateOptions.latest()).migrations().size();
            long t1 = System.nanoTime();
            int rows = m.status().migrations().size();
            long t2 = System.nanoTime();
            boolean valid = m.validate().valid();
            long t3 = System.nanoTime();
            System.out.printf(
                    "migrate %d: %d ms; status %d rows: %d ms; validate (%s): %d ms%n",
                    applied, (t1 - t0) / 1_000_000, rows, (t2 - t1) / 1_000_000, valid, (t3 - t2) / 1_000_000);
        } finally {
            admin(adminUrl, user, "DROP DATABASE " + db + " WITH (FORCE)");
        }
    }

    private static void admin(String url, String user, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, null);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
