package dev.keelson.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.cli.KeelsonProcess;
import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ctrl-C or SIGTERM during {@code keelson db migrate}, in a real process: exit 130 and a line saying what was done. */
class DbInterruptIT {
    @TempDir
    Path dir;

    /** Ctrl-C (INT) and SIGTERM alike: the JVM's 143 for SIGTERM is mapped to 130 in {@code Keelson.main}. */
    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void anInterruptDuringAMigrationSaysWhatFinishedAndWhatWasRunningAndExits130(String signal) throws Exception {
        try (TestDatabase db = TestDatabases.fresh(Engine.POSTGRESQL)) {
            Path migrations = Files.createDirectories(dir.resolve("db/migration"));
            Files.writeString(migrations.resolve("V1__quick.sql"), "CREATE TABLE quick (id int);\n");
            Files.writeString(migrations.resolve("V2__slow.sql"), "SELECT pg_sleep(30);\n");
            Process keelson = KeelsonProcess.builder(dir, "db", "migrate", "--url", db.url(), "--user", db.user())
                    .start();
            // the slow file runs once the server shows its statement
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (!sleeping(db)) {
                assertThat(keelson.isAlive())
                        .as(Files.readString(dir.resolve("err.txt")))
                        .isTrue();
                assertThat(System.nanoTime()).as("V2 not running within 40 s").isLessThan(deadline);
                Thread.sleep(100);
            }

            KeelsonProcess.signal(keelson, signal);

            assertThat(keelson.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String err = Files.readString(dir.resolve("err.txt"));
            assertThat(keelson.exitValue()).as(err).isEqualTo(130);
            assertThat(err)
                    .endsWith("interrupted: 1 file(s) finished and recorded; V2__slow.sql was running: keelson db"
                            + " status shows whether it was applied, rolled back or stopped part-way (then migrate"
                            + " resumes it)\n");
        }
    }

    private static boolean sleeping(TestDatabase db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
                ResultSet r = c.createStatement()
                        .executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND query LIKE 'SELECT pg_sleep(30)%'")) {
            return r.next() && r.getInt(1) > 0;
        }
    }
}
