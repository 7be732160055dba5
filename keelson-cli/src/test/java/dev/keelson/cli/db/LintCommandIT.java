package dev.keelson.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keelson db lint --url}: only pending files are reported; MySQL rules use the live server's version. */
class LintCommandIT {
    @TempDir
    Path dir;

    private Cli.Run keelson(TestDatabase db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", db.url(), "--user", db.user()));
        if (db.password() != null) {
            all.addAll(List.of("--password", db.password()));
        }
        return new Cli(Map.of(), dir).run(all.toArray(String[]::new));
    }

    private Path folder() throws IOException {
        return Files.createDirectories(dir.resolve("db/migration"));
    }

    @Test
    void withAUrlOnlyPendingFilesAreReportedAndAppliedOnesGiveContext() throws Exception {
        Path m = folder();
        Files.writeString(m.resolve("V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n"
                + "UPDATE users SET email = '';\n");
        try (TestDatabase db = TestDatabases.fresh(Engine.POSTGRESQL)) {
            assertThat(keelson(db, "db", "migrate", "--no-lint").exitCode()).isZero();
            Files.writeString(m.resolve("V2__index.sql"), "CREATE INDEX users_email ON users (email);\n");
            Files.writeString(m.resolve("U2__index.sql"), "DROP INDEX users_email;\n");
            Cli.Run run = keelson(db, "db", "lint");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).startsWith(
                    "db/migration/V2__index.sql:1: error [pg-index-not-concurrent] CREATE INDEX on existing table users")
                    .endsWith("2 files checked: 1 error, 0 warnings\n");
        }
    }

    @Test
    void onMariaDbTheServerVersionIsReadFromTheConnection() throws Exception {
        Path m = folder();
        Files.writeString(m.resolve("V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, age varchar(10));\n");
        Files.writeString(m.resolve("U1__users.sql"), "DROP TABLE users;\n");
        Files.writeString(m.resolve("V2__age.sql"), "ALTER TABLE users MODIFY age int;\n");
        Files.writeString(m.resolve("U2__age.sql"), "ALTER TABLE users MODIFY age varchar(10);\n");
        try (TestDatabase db = TestDatabases.fresh(Engine.MARIADB)) {
            Cli.Run run = keelson(db, "db", "lint", "--format", "json");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).containsPattern("copies the table on MariaDB \\d+\\.\\d+\\.\\d+: changing the type of age");
        }
    }

    @Test
    void theLintMigrateRunsFirstReportsOnlyPendingFiles() throws Exception {
        Path m = folder();
        Files.writeString(m.resolve("V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        try (TestDatabase db = TestDatabases.fresh(Engine.POSTGRESQL)) {
            assertThat(keelson(db, "db", "migrate").exitCode()).isZero();
            Files.writeString(m.resolve("V2__all.sql"), "DELETE FROM users;\n");
            Files.writeString(m.resolve("U2__all.sql"), "SELECT 1;\n");
            dev.keelson.cli.CliEnvironment environment = new dev.keelson.cli.CliEnvironment(
                    new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()),
                    Map.of(), dir, false);
            DbOptions options = new DbOptions();
            options.url = db.url();
            options.user = db.user();
            DbSettings settings = DbSettings.resolve(options, environment);
            var report = MigrateLint.pending(settings,
                    settings.migrator(dev.keelson.migrate.MigrationListener.NONE, false), environment);
            assertThat(report.checkedFiles()).containsExactly("db/migration/V2__all.sql", "db/migration/U2__all.sql");
            assertThat(report.findings()).extracting(f -> f.rule()).containsExactly("data-change-without-where");
        }
    }
}
