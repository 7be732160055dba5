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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code keelson db} end to end, in-process, against a fresh real PostgreSQL database per test. */
class DbCommandIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private TestDatabase db;
    private Path migrations;

    @BeforeEach
    void freshDatabase() throws IOException {
        db = TestDatabases.fresh(Engine.POSTGRESQL);
        migrations = Files.createDirectories(dir.resolve("db/migration"));
    }

    @AfterEach
    void drop() throws Exception {
        db.close();
    }

    private Cli.Run keelson(String... args) {
        return keelson(Map.of(), args);
    }

    private Cli.Run keelson(Map<String, String> env, String... args) {
        return new Cli(env, dir).run(args);
    }

    /** The command with the connection flags of the test database appended. */
    private Cli.Run db(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", db.url(), "--user", db.user()));
        return keelson(all.toArray(String[]::new));
    }

    /** Replaces what changes from run to run (timestamps, durations) with fixed text of the same width. */
    static String stable(String text) {
        return text.replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d", "YYYY-MM-DD hh:mm:ss")
                .replaceAll("\\b\\d+(\\.\\d+)? (ms|s)\\b", "<time>");
    }

    private void append(String file, String sql) throws IOException {
        Files.writeString(migrations.resolve(file), Files.readString(migrations.resolve(file)) + sql);
    }

    private int count(String sql) throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private boolean tableExists(String table) throws SQLException {
        return count("SELECT count(*) FROM information_schema.tables WHERE table_name = '" + table + "'") == 1;
    }

    @Test
    void theReadmeWorkedExampleRunsEndToEnd() throws Exception {
        Cli.Run created = keelson("db", "new", "create", "users");
        assertThat(created.exitCode()).isZero();
        assertThat(created.out())
                .isEqualTo("Created db/migration/V1__create_users.sql\nCreated db/migration/U1__create_users.sql\n");
        append(
                "V1__create_users.sql",
                "CREATE TABLE users (\n    id bigint PRIMARY KEY,\n    email text NOT NULL UNIQUE\n);\n");
        append("U1__create_users.sql", "DROP TABLE users;\n");

        Cli.Run migrate = db("db", "migrate");
        assertThat(migrate.exitCode()).isZero();
        assertThat(stable(migrate.out())).isEqualTo("""
                Applied V1__create_users.sql (<time>)
                Schema version 1 · 1 migration applied in <time>
                """);
        assertThat(tableExists("users")).isTrue();

        Cli.Run status = db("db", "status");
        assertThat(status.exitCode()).isZero();
        assertThat(stable(status.out())).isEqualTo("""
                State    Version  Description   Type       Checksum  Applied at (UTC)     By        Time
                applied  1        create users  versioned  %s  YYYY-MM-DD hh:mm:ss  postgres  <time>
                Schema version 1 · 0 pending · 0 failed
                """.formatted(checksumOf(status)));

        Cli.Run rollback = db("db", "rollback");
        assertThat(rollback.exitCode()).isZero();
        assertThat(stable(rollback.out())).isEqualTo("""
                Undid version 1 with U1__create_users.sql (<time>)
                Schema version none · 1 version rolled back in <time>
                """);
        assertThat(tableExists("users")).isFalse();

        Cli.Run after = db("db", "status");
        assertThat(after.out()).isEqualTo("""
                State    Version  Description   Type       Checksum  Applied at (UTC)  By  Time
                pending  1        create users  versioned  %s
                Schema version none · 1 pending · 0 failed
                """.formatted(checksumOf(status)));
    }

    private static String checksumOf(Cli.Run status) {
        return status.out().lines().skip(1).findFirst().orElseThrow().split("\\s+")[5];
    }

    @Test
    void dryRunPrintsTheExactSqlInOrderAndChangesNothing() throws Exception {
        Files.writeString(migrations.resolve("V1__create_users.sql"), "-- users\nCREATE TABLE users (id int);\n");
        Files.writeString(
                migrations.resolve("V2__seed.sql"), "INSERT INTO users VALUES (1);\nINSERT INTO users VALUES (2);\n");

        Cli.Run run = db("db", "migrate", "--dry-run");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                -- V1__create_users.sql (version 1)
                CREATE TABLE users (id int);

                -- V2__seed.sql (version 2)
                INSERT INTO users VALUES (1);
                INSERT INTO users VALUES (2);

                -- Dry run: 2 migrations would be applied, reaching schema version 2; nothing was changed.
                """);
        assertThat(tableExists("users")).isFalse();
    }

    @Test
    void targetStopsAtTheGivenVersionAndRollbackToReturnsToOne() throws Exception {
        for (int v = 1; v <= 3; v++) {
            Files.writeString(migrations.resolve("V" + v + "__t" + v + ".sql"), "CREATE TABLE t" + v + " (id int);\n");
            Files.writeString(migrations.resolve("U" + v + "__t" + v + ".sql"), "DROP TABLE t" + v + ";\n");
        }
        assertThat(stable(db("db", "migrate", "--target", "2").out()))
                .endsWith("Schema version 2 · 2 migrations applied in <time>\n");
        assertThat(tableExists("t3")).isFalse();
        assertThat(stable(db("db", "migrate").out()))
                .isEqualTo("Applied V3__t3.sql (<time>)\nSchema version 3 · 1 migration applied in <time>\n");

        Cli.Run rollback = db("db", "rollback", "--to", "1");

        assertThat(stable(rollback.out())).isEqualTo("""
                Undid version 3 with U3__t3.sql (<time>)
                Undid version 2 with U2__t2.sql (<time>)
                Schema version 1 · 2 versions rolled back in <time>
                """);
        assertThat(tableExists("t1")).isTrue();
        assertThat(tableExists("t2")).isFalse();
    }

    @Test
    void aFailingMigrationExitsWithOneNamingTheFileAndLine() throws Exception {
        Files.writeString(migrations.resolve("V1__ok.sql"), "CREATE TABLE ok (id int);\n");
        Files.writeString(
                migrations.resolve("V2__broken.sql"),
                "CREATE TABLE a (id int);\n\nINSERT INTO missing_table VALUES (1);\n");

        Cli.Run run = db("db", "migrate");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(stable(run.out()))
                .isEqualTo("Applied V1__ok.sql (<time>)\nStopped after 1 file applied (committed and"
                        + " recorded in the history); the failure follows on standard error\n");
        assertThat(run.err())
                .startsWith(
                        "error [MIGRATION_FAILED]: Migration V2__broken.sql failed at line 3, column 13 (statement 2 of 2): "
                                + "SQLState 42P01: ERROR: relation \"missing_table\" does not exist");
        assertThat(run.err()).doesNotContain("Exception");
        assertThat(tableExists("a")).isFalse();
        assertThat(tableExists("ok")).isTrue();
    }

    @Test
    void aFailureInJsonModeListsTheMigrationsAppliedBeforeIt() throws Exception {
        Files.writeString(migrations.resolve("V1__ok.sql"), "CREATE TABLE ok (id int);\n");
        Files.writeString(migrations.resolve("V2__broken.sql"), "SELECT * FROM nowhere;\n");

        Cli.Run run = db("db", "migrate", "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.get("error").get("code").asString()).isEqualTo("MIGRATION_FAILED");
        assertThat(doc.get("migrations")).hasSize(1);
        assertThat(doc.get("migrations").get(0).get("script").asString()).isEqualTo("V1__ok.sql");
    }

    @Test
    void rollbackAllUndoesEverythingAndAFailedUndoSaysWhatWasUndoneAndToRunTheRollbackAgain() throws Exception {
        for (int v = 1; v <= 3; v++) {
            Files.writeString(migrations.resolve("V" + v + "__t" + v + ".sql"), "CREATE TABLE t" + v + " (id int);\n");
            Files.writeString(migrations.resolve("U" + v + "__t" + v + ".sql"), "DROP TABLE t" + v + ";\n");
        }
        assertThat(db("db", "migrate").exitCode()).isZero();
        Files.writeString(migrations.resolve("U2__t2.sql"), "DROP TABLE no_such_table;\n");

        Cli.Run failed = db("db", "rollback", "--all");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(stable(failed.out()))
                .isEqualTo("Undid U3__t3.sql (<time>)\nStopped after 1 file undone (committed"
                        + " and recorded in the history); the failure follows on standard error\n");
        assertThat(failed.err())
                .contains("error [MIGRATION_FAILED]: Undo file U2__t2.sql failed at line 1")
                .contains("run the rollback again")
                .doesNotContain("migrate again");

        Files.writeString(migrations.resolve("U2__t2.sql"), "DROP TABLE t2;\n");
        Cli.Run all = db("db", "rollback", "--all");
        assertThat(all.exitCode()).isZero();
        assertThat(stable(all.out()))
                .contains(
                        "Undid version 2 with U2__t2.sql",
                        "Undid version 1 with U1__t1.sql",
                        "Schema version none · 2 versions rolled back");
        assertThat(tableExists("t1")).isFalse();
        assertThat(keelson("db", "rollback", "--help").out()).contains("--all").contains("--to 0");
    }

    @Test
    void aFailureInJsonModeIsOneJsonDocumentOnStandardOutputWithTheErrorCode() throws Exception {
        Files.writeString(migrations.resolve("V1__broken.sql"), "SELECT * FROM nowhere;\n");

        Cli.Run run = db("db", "migrate", "--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode error = JSON.readTree(run.out()).get("error");
        assertThat(error.get("code").asString()).isEqualTo("MIGRATION_FAILED");
        assertThat(error.get("message").asString()).startsWith("Migration V1__broken.sql failed at line 1");
    }

    @Test
    void jsonOutputOfMigrateStatusRollbackAndValidateParsesAndHasTheFields() throws Exception {
        Files.writeString(migrations.resolve("V1__users.sql"), "CREATE TABLE users (id int);\n");
        Files.writeString(migrations.resolve("U1__users.sql"), "DROP TABLE users;\n");
        Files.writeString(migrations.resolve("V2__orders.sql"), "CREATE TABLE orders (id int);\n");

        JsonNode migrate = JSON.readTree(
                db("db", "migrate", "--target", "1", "--format", "json").out());
        assertThat(migrate.get("command").asString()).isEqualTo("db migrate");
        assertThat(migrate.get("dryRun").asBoolean()).isFalse();
        assertThat(migrate.get("schemaVersion").asString()).isEqualTo("1");
        JsonNode applied = migrate.get("migrations").get(0);
        assertThat(applied.get("script").asString()).isEqualTo("V1__users.sql");
        assertThat(applied.get("type").asString()).isEqualTo("versioned");
        assertThat(applied.get("statements").get(0).asString()).isEqualTo("CREATE TABLE users (id int)");
        assertThat(applied.get("executionTimeMs").isIntegralNumber()).isTrue();

        JsonNode status = JSON.readTree(db("db", "status", "--format", "json").out());
        assertThat(status.get("schemaVersion").asString()).isEqualTo("1");
        assertThat(status.get("counts").get("applied").asInt()).isEqualTo(1);
        assertThat(status.get("counts").get("pending").asInt()).isEqualTo(1);
        JsonNode first = status.get("migrations").get(0);
        assertThat(first.get("state").asString()).isEqualTo("applied");
        assertThat(first.get("appliedBy").asString()).isEqualTo("postgres");
        assertThat(first.get("hasUndo").asBoolean()).isTrue();
        assertThat(first.get("checksum").asString()).startsWith("k2:");
        assertThat(status.get("migrations").get(1).get("state").asString()).isEqualTo("pending");

        JsonNode validate =
                JSON.readTree(db("db", "validate", "--format", "json").out());
        assertThat(validate.get("valid").asBoolean()).isTrue();
        assertThat(validate.get("problems").size()).isZero();

        JsonNode rollback =
                JSON.readTree(db("db", "rollback", "--format", "json").out());
        assertThat(rollback.get("undone").get(0).get("script").asString()).isEqualTo("U1__users.sql");
        assertThat(rollback.get("schemaVersion").isNull()).isTrue();
    }

    @Test
    void validateAfterEditingAnAppliedFileExitsWithOneAndRepairRealignsIt() throws Exception {
        Files.writeString(migrations.resolve("V1__users.sql"), "CREATE TABLE users (id int);\n");
        assertThat(db("db", "migrate").exitCode()).isZero();
        Files.writeString(migrations.resolve("V1__users.sql"), "CREATE TABLE users (id bigint);\n");

        Cli.Run validate = db("db", "validate");

        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.out()).isEqualTo("""
                changed: V1__users.sql changed since it was applied; restore it, or run `keelson db repair` if the edit was deliberate
                Invalid: 1 problem (fix the files, or run `keelson db repair` after a deliberate edit)
                """);
        assertThat(db("db", "migrate").exitCode()).isEqualTo(1);

        Cli.Run repair = db("db", "repair");
        assertThat(repair.out())
                .isEqualTo("Realigned the checksum of V1__users.sql\nRepaired: 1 history entry changed\n");
        assertThat(db("db", "validate").out())
                .isEqualTo("Valid: every applied migration matches its file and none failed\n");
    }

    @Test
    void checksumsOfAnOlderFormatAreNotedAndUpgradedByRepairUpgradeChecksums() throws Exception {
        Files.writeString(migrations.resolve("V1__users.sql"), "CREATE TABLE users (id int);\n");
        assertThat(db("db", "migrate").exitCode()).isZero();
        try (Connection c = db.connect();
                Statement s = c.createStatement()) { // k1: the same digest, the older prefix
            s.executeUpdate("UPDATE keelson_schema_history SET checksum = 'k1:' || substr(checksum, 4)");
        }

        Cli.Run status = db("db", "status");
        assertThat(status.out()).contains("applied  1").endsWith("Schema version 1 · 0 pending · 0 failed\n");
        assertThat(status.err())
                .isEqualTo(
                        "note: 1 applied migration(s) have a checksum in an older format, still verified"
                                + " with its own algorithm; `keelson db repair --upgrade-checksums` rewrites them in the current format (k2:)\n");
        assertThat(db("db", "repair", "--upgrade-checksums", "--resume-at", "1:1")
                        .exitCode())
                .isEqualTo(2);

        Cli.Run repair = db("db", "repair", "--upgrade-checksums");
        assertThat(repair.out())
                .isEqualTo("Upgraded the checksum format of V1__users.sql\nRepaired: 1 history entry changed\n");
        assertThat(db("db", "status").err()).isEmpty();
        assertThat(db("db", "repair", "--upgrade-checksums", "--format", "json").out())
                .contains("\"upgradedChecksums\" : [ ]");
    }

    @Test
    void rollbackOfAVersionWithoutAnUndoFileFailsBeforeAnythingRuns() throws Exception {
        Files.writeString(migrations.resolve("V1__users.sql"), "CREATE TABLE users (id int);\n");
        assertThat(db("db", "migrate").exitCode()).isZero();

        Cli.Run run = db("db", "rollback");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error [MISSING_UNDO]: ");
        assertThat(tableExists("users")).isTrue();
    }

    @Test
    void aLateLowerVersionIsRefusedUnlessOutOfOrderIsGiven() throws Exception {
        Files.writeString(migrations.resolve("V1__a.sql"), "CREATE TABLE a (id int);\n");
        Files.writeString(migrations.resolve("V3__c.sql"), "CREATE TABLE c (id int);\n");
        assertThat(db("db", "migrate").exitCode()).isZero();
        Files.writeString(migrations.resolve("V2__b.sql"), "CREATE TABLE b (id int);\n");

        Cli.Run refused = db("db", "migrate");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).startsWith("error [OUT_OF_ORDER]: ");
        assertThat(tableExists("b")).isFalse();

        Cli.Run allowed = db("db", "migrate", "--out-of-order");
        assertThat(allowed.exitCode()).isZero();
        assertThat(stable(allowed.out())).startsWith("Applied V2__b.sql (<time>)\n");
        assertThat(tableExists("b")).isTrue();
    }

    @Test
    void rollbackDryRunPrintsTheUndoSqlAndChangesNothing() throws Exception {
        Files.writeString(migrations.resolve("V1__users.sql"), "CREATE TABLE users (id int);\n");
        Files.writeString(migrations.resolve("U1__users.sql"), "DROP TABLE users;\n");
        assertThat(db("db", "migrate").exitCode()).isZero();

        Cli.Run run = db("db", "rollback", "--dry-run");

        assertThat(run.out()).isEqualTo("""
                -- U1__users.sql (version 1)
                DROP TABLE users;

                -- Dry run: 1 migration would be rolled back, reaching schema version none; nothing was changed.
                """);
        assertThat(tableExists("users")).isTrue();
    }

    @Test
    void baselineAdoptsAnExistingDatabase() throws Exception {
        Files.writeString(migrations.resolve("V1__users.sql"), "CREATE TABLE users (id int);\n");
        Files.writeString(migrations.resolve("V2__orders.sql"), "CREATE TABLE orders (id int);\n");

        Cli.Run baseline = db("db", "baseline", "--version", "1");
        assertThat(baseline.out()).isEqualTo("Baselined at version 1: migrations up to 1 count as applied\n");
        assertThat(stable(db("db", "migrate").out()))
                .isEqualTo("Applied V2__orders.sql (<time>)\nSchema version 2 · 1 migration applied in <time>\n");
        assertThat(tableExists("users")).isFalse();
    }

    @Test
    void theConnectionComesFromEnvironmentVariables() throws Exception {
        Files.writeString(migrations.resolve("V1__users.sql"), "CREATE TABLE users (id int);\n");
        Map<String, String> env = new HashMap<>();
        env.put("KEELSON_DB_URL", db.url());
        env.put("KEELSON_DB_USER", db.user());

        Cli.Run run = keelson(env, "db", "migrate");

        assertThat(run.exitCode()).isZero();
        assertThat(tableExists("users")).isTrue();
    }

    @Test
    void theConnectionFolderAndPlaceholdersComeFromKeelsonProperties() throws Exception {
        Path sql = Files.createDirectories(dir.resolve("sql"));
        Files.writeString(sql.resolve("V1__users.sql"), "CREATE TABLE ${table} (id int);\n");
        Files.writeString(dir.resolve("keelson.properties"), """
                db.url=%s
                db.user=%s
                db.dir=sql
                db.placeholder.table=people
                db.table=my_history
                """.formatted(db.url(), db.user()));

        Cli.Run run = keelson("db", "migrate");

        assertThat(run.exitCode()).isZero();
        assertThat(tableExists("people")).isTrue();
        assertThat(count("SELECT count(*) FROM my_history WHERE success")).isEqualTo(1);
    }

    @Test
    void anUnknownPlaceholderIsAUsageError() throws Exception {
        Files.writeString(migrations.resolve("V1__users.sql"), "CREATE TABLE ${table} (id int);\n");

        Cli.Run run = db("db", "migrate");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("error [UNKNOWN_PLACEHOLDER]: ");
    }

    @Test
    void aFlagWinsOverTheEnvironment() throws Exception {
        Files.writeString(migrations.resolve("V1__users.sql"), "CREATE TABLE users (id int);\n");
        Map<String, String> env = Map.of("KEELSON_DB_URL", "jdbc:postgresql://127.0.0.1:1/nowhere");

        Cli.Run run = keelson(env, "db", "migrate", "--url", db.url(), "--user", db.user());

        assertThat(run.exitCode()).isZero();
    }

    @Test
    void thePasswordIsNeverPrinted() throws Exception {
        Cli.Run run = keelson(
                "db",
                "status",
                "--url",
                "jdbc:postgresql://127.0.0.1:1/nowhere",
                "--user",
                "u",
                "--password",
                "s3cret-pw",
                "--verbose");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("error [CONNECTION_FAILED]: Cannot connect to jdbc:postgresql://127.0.0.1:1/nowhere")
                .doesNotContain("s3cret-pw");
        assertThat(run.out()).doesNotContain("s3cret-pw");
    }

    @Test
    void migrateRunsTheLintFirstAndAppliesNothingWhenItFindsAnError() throws Exception {
        Files.writeString(
                migrations.resolve("V1__create_users.sql"),
                "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        Files.writeString(migrations.resolve("U1__create_users.sql"), "DROP TABLE users;\n");
        assertThat(db("db", "migrate").exitCode()).isZero();
        Files.writeString(migrations.resolve("V2__index_email.sql"), "CREATE INDEX users_email ON users (email);\n");
        Files.writeString(migrations.resolve("U2__index_email.sql"), "DROP INDEX users_email;\n");

        Cli.Run refused = db("db", "migrate");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .contains("V2__index_email.sql:1: error [pg-index-not-concurrent]")
                .contains("error [LINT_FAILED]: The lint found 1 error(s) in the pending migrations")
                .contains("or run migrate with --no-lint");
        assertThat(count("SELECT count(*) FROM pg_indexes WHERE indexname = 'users_email'"))
                .isZero();
        JsonNode json = JSON.readTree(db("db", "migrate", "--format", "json").out());
        assertThat(json.get("error").get("code").asString()).isEqualTo("LINT_FAILED");
        assertThat(json.get("lint").get("findings").get(0).get("rule").asString())
                .isEqualTo("pg-index-not-concurrent");

        Cli.Run forced = db("db", "migrate", "--no-lint");
        assertThat(forced.exitCode()).isZero();
        assertThat(count("SELECT count(*) FROM pg_indexes WHERE indexname = 'users_email'"))
                .isEqualTo(1);
    }
}
