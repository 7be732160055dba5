package dev.keelson.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code keelson db lint} in-process, on files only: exact output, formats and exit codes. */
class LintCommandTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private Path migrations;

    @BeforeEach
    void folder() throws IOException {
        migrations = Files.createDirectories(dir.resolve("db/migration"));
        write("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        write("U1__users.sql", "DROP TABLE users;\n");
    }

    private void write(String name, String sql) throws IOException {
        Files.writeString(migrations.resolve(name), sql);
    }

    private Cli.Run keelson(String... args) {
        return new Cli(Map.of(), dir).run(args);
    }

    @Test
    void aCleanFolderExitsZeroWithASummary() {
        Cli.Run run = keelson("db", "lint");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("2 files checked: 0 errors, 0 warnings\n");
    }

    @Test
    void aDangerousIndexIsAnErrorWithFileLineWhyAndFix() throws IOException {
        write("V2__email_index.sql", "-- find users by email\nCREATE INDEX users_email ON users (email);\n");
        write("U2__email_index.sql", "DROP INDEX users_email;\n");
        Cli.Run run = keelson("db", "lint");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("""
                db/migration/V2__email_index.sql:2: error [pg-index-not-concurrent] CREATE INDEX on existing table users without CONCURRENTLY
                  why: CREATE INDEX takes a SHARE lock: every INSERT, UPDATE and DELETE on the table waits until the whole index is built, minutes on a big table
                  fix: use CREATE INDEX CONCURRENTLY in its own file with -- keelson:no-transaction

                4 files checked: 1 error, 0 warnings
                """);
    }

    @Test
    void warningsAloneExitZero() throws IOException {
        write("V2__more.sql", "ALTER TABLE users ADD COLUMN name text;\n");
        Cli.Run run = keelson("db", "lint");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith(
                        "db/migration/V2__more.sql:1: warning [missing-undo] no undo file U2__*.sql for V2__more.sql\n")
                .endsWith("3 files checked: 0 errors, 1 warning\n");
    }

    @Test
    void aSeverityFlagTurnsAnErrorIntoAWarning() throws IOException {
        write("V2__all.sql", "UPDATE users SET email = lower(email);\n");
        write("U2__all.sql", "SELECT 1;\n");
        Cli.Run run = keelson("db", "lint", "--severity", "data-change-without-where=warning");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("warning [data-change-without-where] UPDATE without WHERE changes every row");
    }

    @Test
    void severitiesComeFromKeelsonPropertiesToo() throws IOException {
        write("V2__all.sql", "UPDATE users SET email = lower(email);\n");
        write("U2__all.sql", "SELECT 1;\n");
        Files.writeString(dir.resolve("keelson.properties"), "lint.severity.data-change-without-where=off\n");
        assertThat(keelson("db", "lint").out()).isEqualTo("4 files checked: 0 errors, 0 warnings\n");
    }

    @Test
    void givenFilesAreTheOnlyOnesReported() throws IOException {
        write("V2__all.sql", "UPDATE users SET email = lower(email);\n");
        Cli.Run run = keelson("db", "lint", "db/migration/V1__users.sql");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("1 file checked: 0 errors, 0 warnings\n");
    }

    @Test
    void jsonListsEveryFindingWithItsFields() throws IOException {
        write("V2__all.sql", "DELETE FROM users;\n");
        write("U2__all.sql", "SELECT 1;\n");
        Cli.Run run = keelson("db", "lint", "--format", "json");
        JsonNode doc = JSON.readTree(run.out());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(doc.get("command").asString()).isEqualTo("db lint");
        assertThat(doc.get("errors").asInt()).isEqualTo(1);
        JsonNode f = doc.get("findings").get(0);
        assertThat(f.get("file").asString()).isEqualTo("db/migration/V2__all.sql");
        assertThat(f.get("line").asInt()).isEqualTo(1);
        assertThat(f.get("rule").asString()).isEqualTo("data-change-without-where");
        assertThat(f.get("severity").asString()).isEqualTo("error");
        assertThat(f.get("fix").asString()).isNotBlank();
    }

    @Test
    void sarifPutsEachFindingOnItsFileAndLine() throws IOException {
        write("V2__all.sql", "SELECT 1;\n\nDELETE FROM users;\n");
        write("U2__all.sql", "SELECT 1;\n");
        JsonNode doc = JSON.readTree(keelson("db", "lint", "--format", "sarif").out());
        assertThat(doc.get("version").asString()).isEqualTo("2.1.0");
        JsonNode run = doc.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("rules").size()).isGreaterThanOrEqualTo(13);
        JsonNode result = run.get("results").get(0);
        assertThat(result.get("ruleId").asString()).isEqualTo("data-change-without-where");
        assertThat(result.get("level").asString()).isEqualTo("error");
        JsonNode location = result.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").get("uri").asString()).isEqualTo("db/migration/V2__all.sql");
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(3);
    }

    @Test
    void anUnknownRuleOrLevelIsBadUsage() {
        Cli.Run unknown = keelson("db", "lint", "--severity", "nope=off");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.firstErrLine()).startsWith("error [CONFIGURATION]: No lint rule 'nope'; the rules are: ");
        Cli.Run level = keelson("db", "lint", "--severity", "missing-undo=loud");
        assertThat(level.exitCode()).isEqualTo(2);
        assertThat(level.firstErrLine())
                .isEqualTo("error: --severity missing-undo=loud: 'loud' is not a severity: use error, warning or off");
    }

    @Test
    void mysqlRulesFollowTheGivenServerVersion() throws IOException {
        write("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email varchar(40));\n");
        write("V2__age.sql", "ALTER TABLE users ADD COLUMN age int;\n");
        write("U2__age.sql", "SELECT 1;\n");
        Cli.Run old = keelson("db", "lint", "--dialect", "mysql", "--server-version", "5.5.62");
        Cli.Run mysql = keelson("db", "lint", "--dialect", "mysql", "--server-version", "8.0.36");
        assertThat(old.exitCode()).isEqualTo(1);
        assertThat(old.out()).contains("error [mysql-table-copy] ALTER TABLE users copies the table on MySQL 5.5.62");
        assertThat(mysql.exitCode()).isZero();
    }
}
