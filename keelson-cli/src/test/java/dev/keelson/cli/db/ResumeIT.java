package dev.keelson.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.cli.ExitCode;
import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A file that fails outside a transaction, through the command line: {@code status} says where it failed,
 * {@code migrate} resumes there after the fix, and refuses with the exact {@code repair --resume-at} when a statement
 * that ran changed.
 */
class ResumeIT {
    private static final String FILE =
            "-- keelson:no-transaction\nCREATE TABLE a (id INT);\nINSERT INTO nowhere VALUES (2);\n"
                    + "INSERT INTO a VALUES (3);\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB"})
    void statusSaysWhereAFileFailedAndMigrateResumesThereAfterTheFix(Engine engine) throws Exception {
        try (TestDatabase db = TestDatabases.fresh(engine)) {
            Path migrations = Files.createDirectories(dir.resolve("db/migration"));
            Files.writeString(migrations.resolve("V1__steps.sql"), FILE);
            assertThat(db(db, "migrate").exitCode()).isEqualTo(ExitCode.FAILED);

            Cli.Run status = db(db, "status");
            assertThat(status.out())
                    .containsPattern("Failed: V1__steps.sql: failed at statement 2 of 3: line 3(, column 13)?: ")
                    .containsIgnoringCase("nowhere");

            Files.writeString(
                    migrations.resolve("V1__steps.sql"),
                    FILE.replace("CREATE TABLE a (id INT)", "CREATE TABLE a (id BIGINT)"));
            Cli.Run refused = db(db, "migrate");
            assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(refused.err())
                    .contains("error [FAILED_MIGRATION_PRESENT]: Statement 1 of V1__steps.sql ran before")
                    .contains("`keelson db repair --resume-at V1__steps.sql:2`");

            Files.writeString(migrations.resolve("V1__steps.sql"), FILE.replace("nowhere", "a"));
            Cli.Run resumed = db(db, "migrate", "--dry-run");
            assertThat(resumed.out()).contains("INSERT INTO a VALUES (2)").doesNotContain("CREATE TABLE");
            assertThat(db(db, "migrate").out()).contains("Applied V1__steps.sql");
            assertThat(db(db, "status").out()).contains("Schema version 1 · 0 pending · 0 failed");
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL"})
    void repairResumeAtRecordsWhereTheNextMigrateResumes(Engine engine) throws Exception {
        try (TestDatabase db = TestDatabases.fresh(engine)) {
            Path migrations = Files.createDirectories(dir.resolve("db/migration"));
            Files.writeString(migrations.resolve("V1__steps.sql"), FILE);
            db(db, "migrate");
            Files.writeString(
                    migrations.resolve("V1__steps.sql"),
                    FILE.replace("nowhere", "a").replace("(id INT)", "(id BIGINT)"));

            Cli.Run repair = db(db, "repair", "--resume-at", "V1__steps.sql:2");
            assertThat(repair.out()).contains("Next migrate: V1__steps.sql resumes at statement 2 of 3");
            assertThat(db(db, "migrate", "--dry-run").out()).doesNotContain("CREATE TABLE");
            Cli.Run bad = db(db, "repair", "--resume-at", "V1__steps.sql");
            assertThat(bad.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(bad.err()).contains("'V1__steps.sql' is not FILE:STATEMENT");
        }
    }

    private Cli.Run db(TestDatabase db, String command, String... extra) {
        List<String> args = new ArrayList<>(List.of("db", command, "--url", db.url()));
        if (db.user() != null) {
            args.addAll(List.of("--user", db.user()));
        }
        args.addAll(List.of(extra));
        return new Cli(Map.of(), dir).run(args.toArray(String[]::new));
    }
}
