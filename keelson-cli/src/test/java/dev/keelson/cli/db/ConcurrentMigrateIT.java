package dev.keelson.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three real {@code keelson db migrate} processes started at once against one database: every migration is
 * applied exactly once, and every process exits 0.
 */
class ConcurrentMigrateIT {
    private static final int PROCESSES = 3;
    private static final int MIGRATIONS = 15;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB"})
    void threeProcessesApplyEachMigrationExactlyOnce(Engine engine) throws Exception {
        try (TestDatabase db = TestDatabases.fresh(engine)) {
            Path migrations = writeMigrations();
            List<Process> processes = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                processes.add(start(db, migrations, i));
            }
            for (int i = 0; i < PROCESSES; i++) {
                Process p = processes.get(i);
                assertThat(p.waitFor(120, TimeUnit.SECONDS))
                        .as("process " + i + " finished")
                        .isTrue();
                assertThat(p.exitValue())
                        .as("process %d exit code; stderr: %s", i, Files.readString(dir.resolve("err" + i)))
                        .isZero();
            }
            assertThat(single(db, "SELECT count(*) FROM applied_log")).isEqualTo(MIGRATIONS);
            assertThat(single(db, "SELECT count(*) FROM keelson_schema_history WHERE type = 'VERSIONED'"))
                    .isEqualTo(MIGRATIONS + 1);
            assertThat(single(
                            db, "SELECT count(DISTINCT version) FROM keelson_schema_history WHERE type = 'VERSIONED'"))
                    .isEqualTo(MIGRATIONS + 1);
            long nothingToDo = 0;
            long applied = 0;
            for (int i = 0; i < PROCESSES; i++) {
                String out = Files.readString(dir.resolve("out" + i));
                nothingToDo += out.contains("up to date, nothing to migrate") ? 1 : 0;
                applied += out.lines().filter(l -> l.startsWith("Applied V")).count();
            }
            assertThat(applied).as("migrations the processes report, together").isEqualTo(MIGRATIONS + 1);
            if (engine == Engine.MARIADB) { // a run lock: one process applies everything
                assertThat(nothingToDo).as("processes that found nothing to do").isEqualTo(PROCESSES - 1);
            }
        }
    }

    private Path writeMigrations() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__log.sql"), "CREATE TABLE applied_log (version INT NOT NULL);\n");
        for (int v = 2; v <= MIGRATIONS + 1; v++) {
            Files.writeString(
                    migrations.resolve("V" + v + "__step.sql"),
                    "CREATE TABLE t" + v + " (id INT);\nINSERT INTO applied_log (version) VALUES (" + v + ");\n");
        }
        return migrations;
    }

    private Process start(TestDatabase db, Path migrations, int i) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.keelson.cli.Keelson",
                "db",
                "migrate",
                "--url",
                db.url(),
                "--dir",
                migrations.toString(),
                "--lock-timeout",
                "60s"));
        if (db.user() != null) {
            command.addAll(List.of("--user", db.user()));
        }
        if (db.password() != null && !db.password().isEmpty()) {
            command.addAll(List.of("--password", db.password()));
        }
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out" + i).toFile())
                .redirectError(dir.resolve("err" + i).toFile())
                .start();
    }

    private static int single(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
