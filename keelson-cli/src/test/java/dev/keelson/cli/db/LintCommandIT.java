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
        Files.writeString(
                m.resolve("V1__users.sql"),
                "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n" + "UPDATE users SET email = '';\n");
        try (TestDatabase db = TestDatabases.fresh(Engine.POSTGRESQL)) {
            assertThat(keelson(db, "db", "migrate", "--no-lint").exitCode()).isZero();
            Files.writeString(m.resolve("V2__index.sql"), "CREATE INDEX users_email ON users (email);\n");
            Files.writeString(m.resolve("U2__index.sql"), "DROP INDEX users_email;\n");
            Cli.Run run = keelson(db, "db", "lint");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out())
                    .startsWith(
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
            assertThat(run.out())
                    .containsPattern("copies the table on MariaDB \\d+\\.\\d+\\.\\d+: changing the type of age");
        }
    }

    @Test
    void theLintMigrateRunsFirstReportsOnlyThePendingFilesItWillRunAndNotTheirUndoFiles() throws Exception {
        Path m = folder();
        Files.writeString(m.resolve("V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        Files.writeString(m.resolve("U1__users.sql"), "DROP TABLE users;\n");
        try (TestDatabase db = TestDatabases.fresh(Engine.POSTGRESQL)) {
            assertThat(keelson(db, "db", "migrate").exitCode()).isZero();
            Files.writeString(m.resolve("V2__all.sql"), "DELETE FROM users;\n");
            Files.writeString(m.resolve("U2__all.sql"), "UPDATE users SET email = NULL;\n");

            Cli.Run run = keelson(db, "db", "migrate");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err())
                    .contains("V2__all.sql:1: error [data-change-without-where]")
                    .doesNotContain("U2__all.sql")
                    .contains("The lint found 1 error(s) in the pending migrations");
            Cli.Run lint = keelson(db, "db", "lint");
            assertThat(lint.out()).as("db lint checks the undo files too").contains("U2__all.sql");
        }
    }
}
