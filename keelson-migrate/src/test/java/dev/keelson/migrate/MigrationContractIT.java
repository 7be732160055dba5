package dev.keelson.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keelson.migrate.testing.DriverDataSource;
import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every database must show. One subclass per engine; each test gets a fresh database.
 */
abstract class MigrationContractIT {
    @TempDir
    Path dir;

    TestDatabase db;

    abstract Engine engine();

    /** Whether a failed migration's DDL is rolled back with its transaction on this engine. */
    abstract boolean transactionalDdl();

    /** Takes the migration lock on {@code c} the way another migrator would, and keeps it while {@code c} is open. */
    abstract void holdMigrationLock(Connection c) throws SQLException;

    /** What the lock-timeout message says about the holder on this engine. */
    abstract String holderDescription();

    @BeforeEach
    void freshDatabase() {
        db = TestDatabases.fresh(engine());
    }

    @AfterEach
    void dropDatabase() throws Exception {
        db.close();
    }

    String url() {
        return db.url();
    }

    Migrator.Builder configure() {
        return Migrator.configure()
                .url(url())
                .user(db.user())
                .password(db.password())
                .location("filesystem:" + dir.resolve("db"));
    }

    Migrator migrator() {
        return configure().build();
    }

    void write(String name, String content) throws Exception {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db").resolve(name), content);
    }

    long count(String sql) throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    boolean tableExists(String table) {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM " + table).close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    static void assertFails(ThrowingCallable call, MigrationErrorCode code, Consumer<String> message) {
        assertThatThrownBy(call)
                .isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(((MigrationException) e).code())
                        .as(e.getMessage())
                        .isEqualTo(code))
                .satisfies(e -> message.accept(e.getMessage()));
    }

    static List<String> scripts(List<ExecutedMigration> migrations) {
        return migrations.stream().map(ExecutedMigration::script).toList();
    }

    static Map<String, MigrationState> states(StatusReport report) {
        Map<String, MigrationState> states = new java.util.LinkedHashMap<>();
        report.migrations()
                .forEach(m -> states.put(m.script() == null ? "baseline " + m.version() : m.script(), m.state()));
        return states;
    }

    void threeTables() throws Exception {
        write("V1__one.sql", "CREATE TABLE t1 (id INT PRIMARY KEY);\nINSERT INTO t1 VALUES (1);\n");
        write("U1__one.sql", "DROP TABLE t1;\n");
        write("V2__two.sql", "CREATE TABLE t2 (id INT PRIMARY KEY);\n");
        write("U2__two.sql", "DROP TABLE t2;\n");
        write("V3__three.sql", "CREATE TABLE t3 (id INT PRIMARY KEY);\n");
        write("U3__three.sql", "DROP TABLE t3;\n");
    }

    @Test
    void migrateAppliesPendingVersionsInOrderThenRepeatables() throws Exception {
        write("V1.10__later.sql", "INSERT INTO t1 VALUES (110);");
        write("V1.2__earlier.sql", "INSERT INTO t1 VALUES (12);");
        write("V1__create.sql", "CREATE TABLE t1 (id INT PRIMARY KEY);");
        write("R__view.sql", "DROP VIEW IF EXISTS v1;\nCREATE VIEW v1 AS SELECT id FROM t1;");
        write("README.md", "not a migration");

        MigrateResult result = migrator().migrate(MigrateOptions.latest());

        assertThat(scripts(result.migrations()))
                .containsExactly("V1__create.sql", "V1.2__earlier.sql", "V1.10__later.sql", "R__view.sql");
        assertThat(result.schemaVersion()).contains(Version.parse("1.10"));
        assertThat(count("SELECT COUNT(*) FROM v1")).isEqualTo(2);
        assertThat(migrator().migrate(MigrateOptions.latest()).migrations()).isEmpty();
    }

    @Test
    void anApplicationDataSourceWorksLikeAUrl() throws Exception {
        threeTables();
        DriverDataSource dataSource = new DriverDataSource(db);
        Migrator migrator = Migrator.configure()
                .dataSource(dataSource)
                .location("filesystem:" + dir.resolve("db"))
                .build();
        assertThat(migrator.migrate(MigrateOptions.latest()).migrations()).hasSize(3);
        assertThat(dataSource.opened())
                .as("one connection for the run, one for a run lock; PostgreSQL locks each"
                        + " migration's own transaction")
                .isEqualTo(engine() == Engine.POSTGRESQL ? 1 : 2);
        assertThat(migrator.status().schemaVersion()).contains(Version.parse("3"));
    }

    @Test
    void aRepeatableRunsAgainOnlyWhenItsChecksumChanges() throws Exception {
        write("V1__create.sql", "CREATE TABLE t1 (id INT PRIMARY KEY);");
        write("R__view.sql", "DROP VIEW IF EXISTS v1;\nCREATE VIEW v1 AS SELECT id FROM t1;");
        migrator().migrate(MigrateOptions.latest());
        assertThat(migrator().migrate(MigrateOptions.latest()).migrations()).isEmpty();

        write("R__view.sql", "DROP VIEW IF EXISTS v1;\nCREATE VIEW v1 AS SELECT id, id AS id2 FROM t1;");
        assertThat(states(migrator().status())).containsEntry("R__view.sql", MigrationState.PENDING);
        assertThat(scripts(migrator().migrate(MigrateOptions.latest()).migrations()))
                .containsExactly("R__view.sql");
        assertThat(count("SELECT COUNT(id2) FROM v1")).isZero();
    }

    @Test
    void migrateStopsAtTheTarget() throws Exception {
        threeTables();
        MigrateResult result = migrator().migrate(MigrateOptions.latest().withTarget(Version.parse("2")));
        assertThat(scripts(result.migrations())).containsExactly("V1__one.sql", "V2__two.sql");
        assertThat(tableExists("t3")).isFalse();
        assertThat(states(migrator().status())).containsEntry("V3__three.sql", MigrationState.PENDING);
        assertFails(
                () -> migrator().migrate(MigrateOptions.latest().withTarget(Version.parse("1"))),
                MigrationErrorCode.INVALID_VERSION,
                m -> assertThat(m).contains("rollback --to 1"));
    }

    @Test
    void dryRunListsTheExactStatementsAndChangesNothing() throws Exception {
        write("V1__create.sql", "-- a comment\nCREATE TABLE ${table} (id INT);\n\nINSERT INTO ${table} VALUES (1);\n");
        Migrator migrator = configure().placeholder("table", "things").build();

        MigrateResult result = migrator.migrate(MigrateOptions.latest().withDryRun(true));

        assertThat(result.dryRun()).isTrue();
        assertThat(result.migrations())
                .singleElement()
                .satisfies(m -> assertThat(m.statements())
                        .containsExactly("CREATE TABLE things (id INT)", "INSERT INTO things VALUES (1)"));
        assertThat(result.schemaVersion()).contains(Version.parse("1"));
        assertThat(tableExists("things")).isFalse();
        assertThat(tableExists(Migrator.DEFAULT_HISTORY_TABLE)).isFalse();
    }

    @Test
    void statusAndValidateWorkWithoutCreatingTheHistoryTable() throws Exception {
        threeTables();
        StatusReport status = migrator().status();
        assertThat(status.migrations()).extracting(MigrationInfo::state).containsOnly(MigrationState.PENDING);
        assertThat(status.migrations()).extracting(MigrationInfo::hasUndo).containsOnly(true);
        assertThat(status.schemaVersion()).isEmpty();
        assertThat(migrator().validate().valid()).isTrue();
        assertThat(tableExists(Migrator.DEFAULT_HISTORY_TABLE)).isFalse();
    }

    @Test
    void statusShowsWhenAndByWhomAndHowLongAndTheChecksum() throws Exception {
        threeTables();
        configure()
                .installedBy("deployer")
                .build()
                .migrate(MigrateOptions.latest().withTarget(Version.parse("1")));
        MigrationInfo v1 = migrator().status().migrations().getFirst();
        assertThat(v1.state()).isEqualTo(MigrationState.APPLIED);
        assertThat(v1.appliedBy()).isEqualTo("deployer");
        assertThat(v1.appliedAt()).isNotNull();
        assertThat(v1.executionTime()).isNotNull();
        assertThat(v1.checksum()).startsWith("k2:");
        assertThat(v1.description()).isEqualTo("one");
    }

    @Test
    void aFailedMigrationNamesTheFileTheLineAndTheDatabaseMessage() throws Exception {
        write("V1__create.sql", "CREATE TABLE t1 (id INT PRIMARY KEY);");
        write("V2__broken.sql", "CREATE TABLE t2 (id INT PRIMARY KEY);\n\nINSERT INTO no_such_table\n  VALUES (1);\n");

        assertFails(
                () -> migrator().migrate(MigrateOptions.latest()),
                MigrationErrorCode.MIGRATION_FAILED,
                m -> assertThat(m)
                        .contains(
                                engine() == Engine.POSTGRESQL
                                        ? "V2__broken.sql failed at line 3, column 13 (statement 2 of 2)"
                                        : "V2__broken.sql failed at line 3 (statement 2 of 2)")
                        .containsIgnoringCase("no_such_table")
                        .contains(engine() == Engine.SQLITE ? "SQLITE_ERROR" : "SQLState"));

        assertThat(tableExists("t1")).isTrue();
        Map<String, MigrationState> states = states(migrator().status());
        assertThat(states).containsEntry("V1__create.sql", MigrationState.APPLIED);
        if (transactionalDdl()) {
            assertThat(tableExists("t2")).as("rolled back with its transaction").isFalse();
            assertThat(states).containsEntry("V2__broken.sql", MigrationState.PENDING);
        } else {
            assertThat(tableExists("t2")).as("DDL is not transactional here").isTrue();
            assertThat(states).containsEntry("V2__broken.sql", MigrationState.FAILED);
        }
    }

    @Test
    void aRecordedFailureBlocksMigrateUntilRepair() throws Exception {
        write("V1__create.sql", "CREATE TABLE t1 (id INT PRIMARY KEY);");
        write(
                "V2__broken.sql",
                "-- keelson:no-transaction\nCREATE TABLE t2 (id INT PRIMARY KEY);\nINSERT INTO nope VALUES (1);\n");
        assertFails(
                () -> migrator().migrate(MigrateOptions.latest()),
                MigrationErrorCode.MIGRATION_FAILED,
                m -> assertThat(m)
                        .contains("Statements 1 to 1 ran and stay applied")
                        .contains("keelson db repair"));
        MigrationInfo failed = migrator().status().migrations().get(1);
        assertThat(failed.state()).isEqualTo(MigrationState.FAILED);
        assertThat(failed.failure())
                .containsPattern("^failed at statement 2 of 2: line 3(, column 13)?: ")
                .containsIgnoringCase("nope");
        assertThat(migrator().validate().problems())
                .extracting(ValidationProblem::state)
                .containsExactly(MigrationState.FAILED);

        write(
                "V2__broken.sql",
                "-- keelson:no-transaction\nCREATE TABLE IF NOT EXISTS t2 (id INT PRIMARY KEY);\nINSERT INTO t2 VALUES (1);\n");
        assertFails(
                () -> migrator().migrate(MigrateOptions.latest()),
                MigrationErrorCode.FAILED_MIGRATION_PRESENT,
                m -> assertThat(m).contains("V2__broken.sql").contains("keelson db repair"));

        RepairResult repair = migrator().repair();
        assertThat(repair.removedFailures()).containsExactly("V2__broken.sql");
        assertThat(scripts(migrator().migrate(MigrateOptions.latest()).migrations()))
                .containsExactly("V2__broken.sql");
        assertThat(count("SELECT COUNT(*) FROM t2")).isEqualTo(1);
    }

    static final String STEPS = "-- keelson:no-transaction\nCREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\n"
            + "INSERT INTO missing VALUES (1);\nINSERT INTO a VALUES (4);\n";

    @Test
    void aFileThatFailedOutsideATransactionResumesAtTheFailedStatementOnceFixed() throws Exception {
        write("V1__base.sql", "CREATE TABLE base (id INT);");
        write("V2__steps.sql", STEPS);
        assertFails(
                () -> migrator().migrate(MigrateOptions.latest()),
                MigrationErrorCode.MIGRATION_FAILED,
                m -> assertThat(m)
                        .containsPattern("V2__steps.sql failed at line 4(, column 13)? \\(statement 3 of 4\\)")
                        .contains("it resumes at statement 3"));
        MigrationInfo failed = migrator().status().migrations().get(1);
        assertThat(failed.state()).isEqualTo(MigrationState.FAILED);
        assertThat(failed.failure())
                .containsPattern("^failed at statement 3 of 4: line 4(, column 13)?: ")
                .containsIgnoringCase("missing");

        write("V2__steps.sql", STEPS.replace("INSERT INTO missing VALUES (1)", "INSERT INTO a VALUES (3)"));
        MigrateResult result = migrator().migrate(MigrateOptions.latest());

        assertThat(result.migrations())
                .singleElement()
                .satisfies(m -> assertThat(m.statements())
                        .as("only the statements that had not run")
                        .containsExactly("INSERT INTO a VALUES (3)", "INSERT INTO a VALUES (4)"));
        assertThat(count("SELECT COUNT(*) FROM a")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM a WHERE id = 1"))
                .as("statement 2 did not run twice")
                .isEqualTo(1);
        assertThat(states(migrator().status())).containsEntry("V2__steps.sql", MigrationState.APPLIED);
        assertThat(migrator().validate().valid()).isTrue();
    }

    @Test
    void aResumeIsRefusedWhenAStatementThatRanChangedAndRepairSaysWhereToResume() throws Exception {
        write("V1__steps.sql", STEPS);
        assertFails(() -> migrator().migrate(MigrateOptions.latest()), MigrationErrorCode.MIGRATION_FAILED, m -> {});
        write(
                "V1__steps.sql",
                STEPS.replace("INSERT INTO missing VALUES (1)", "INSERT INTO a VALUES (3)")
                        .replace("INSERT INTO a VALUES (1)", "INSERT INTO a VALUES (2)"));

        assertFails(
                () -> migrator().migrate(MigrateOptions.latest()),
                MigrationErrorCode.FAILED_MIGRATION_PRESENT,
                m -> assertThat(m)
                        .contains("Statement 2 of V1__steps.sql ran before the file failed at statement 3 of 4")
                        .contains("now at line 3")
                        .contains("`keelson db repair --resume-at V1__steps.sql:3`")
                        .contains("run `keelson db repair`, so migrate runs the file from its first statement"));
        assertThat(count("SELECT COUNT(*) FROM a")).as("nothing ran").isEqualTo(1);

        RepairResult repair = migrator().repair(RepairOptions.resumeAt("V1__steps.sql:3"));
        assertThat(repair.resumePoints()).containsExactly("V1__steps.sql resumes at statement 3 of 4");
        assertThat(scripts(migrator().migrate(MigrateOptions.latest()).migrations()))
                .containsExactly("V1__steps.sql");
        assertThat(count("SELECT COUNT(*) FROM a")).isEqualTo(3);
        assertFails(
                () -> migrator().repair(RepairOptions.resumeAt("V1__steps.sql:3")),
                MigrationErrorCode.INVALID_VERSION,
                m -> assertThat(m).contains("V1__steps.sql has no failed or interrupted run to resume"));
    }

    @Test
    void aHistoryTableOfAnOlderKeelsonGetsItsNewColumnOnTheFirstWrite() throws Exception {
        write("V1__one.sql", "CREATE TABLE t1 (id INT);");
        write("V2__two.sql", "CREATE TABLE t2 (id INT);");
        migrator().migrate(MigrateOptions.latest().withTarget(Version.parse("1")));
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE keelson_schema_history DROP COLUMN statement_hashes");
        }
        assertThat(states(migrator().status())).containsEntry("V1__one.sql", MigrationState.APPLIED);

        assertThat(scripts(migrator().migrate(MigrateOptions.latest()).migrations()))
                .containsExactly("V2__two.sql");
        assertThat(count(
                        "SELECT COUNT(*) FROM keelson_schema_history WHERE version = '1' AND statement_hashes IS NULL"))
                .as("the column is back; the older row has no hashes")
                .isEqualTo(1);
    }

    @Test
    void aNoTransactionFileKeepsWhatRanBeforeItsFailure() throws Exception {
        write(
                "V1__partly.sql",
                "-- keelson:no-transaction\nCREATE TABLE kept (id INT);\nINSERT INTO missing VALUES (1);\n");
        assertFails(
                () -> migrator().migrate(MigrateOptions.latest()),
                MigrationErrorCode.MIGRATION_FAILED,
                m -> assertThat(m).contains("line 3"));
        assertThat(tableExists("kept")).isTrue();
    }

    @Test
    void aPendingVersionBelowTheNewestAppliedIsRefusedUnlessOutOfOrderIsAllowed() throws Exception {
        write("V1__one.sql", "CREATE TABLE t1 (id INT);");
        write("V3__three.sql", "CREATE TABLE t3 (id INT);");
        migrator().migrate(MigrateOptions.latest());
        write("V2__two.sql", "CREATE TABLE t2 (id INT);");

        assertThat(states(migrator().status())).containsEntry("V2__two.sql", MigrationState.OUT_OF_ORDER);
        assertFails(
                () -> migrator().migrate(MigrateOptions.latest()),
                MigrationErrorCode.OUT_OF_ORDER,
                m -> assertThat(m).contains("V2__two.sql").contains("below the newest applied version 3"));
        assertThat(tableExists("t2")).isFalse();

        MigrateResult result = configure().outOfOrder(true).build().migrate(MigrateOptions.latest());
        assertThat(scripts(result.migrations())).containsExactly("V2__two.sql");
        assertThat(states(migrator().status()))
                .containsEntry("V2__two.sql", MigrationState.OUT_OF_ORDER)
                .containsEntry("V3__three.sql", MigrationState.APPLIED);
    }

    @Test
    void lineEndingsDoNotCountAsAChangeButAnyOtherEditDoes() throws Exception {
        write("V1__one.sql", "CREATE TABLE t1 (id INT);\nINSERT INTO t1 VALUES (1);\n");
        migrator().migrate(MigrateOptions.latest());

        write("V1__one.sql", "CREATE TABLE t1 (id INT);\r\nINSERT INTO t1 VALUES (1);\r\n");
        assertThat(migrator().validate().valid()).isTrue();

        write("V1__one.sql", "CREATE TABLE t1 (id INT);\r\nINSERT INTO t1 VALUES (2);\r\n");
        ValidationResult validation = migrator().validate();
        assertThat(validation.problems()).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo(MigrationState.CHANGED);
            assertThat(p.message()).contains("V1__one.sql changed since it was applied");
        });
        write("V2__two.sql", "CREATE TABLE t2 (id INT);");
        assertFails(
                () -> migrator().migrate(MigrateOptions.latest()),
                MigrationErrorCode.VALIDATION_FAILED,
                m -> assertThat(m).contains("V1__one.sql changed"));
        assertThat(tableExists("t2")).isFalse();

        assertThat(migrator().repair().realignedChecksums()).containsExactly("V1__one.sql");
        assertThat(migrator().validate().valid()).isTrue();
        assertThat(scripts(migrator().migrate(MigrateOptions.latest()).migrations()))
                .containsExactly("V2__two.sql");
    }

    /** The k1 format, computed here independently: SHA-256 of the text with CRLF/CR as LF, hex, prefixed. */
    static String k1(String text) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
        return "k1:" + java.util.HexFormat.of().formatHex(digest);
    }

    @Test
    void checksumsOfTheOlderFormatStayValidAndAreUpgradedOnlyWhenAsked() throws Exception {
        Map<String, String> files = Map.of(
                "V1__one.sql",
                "CREATE TABLE t1 (id INT);\r\n",
                "V2__two.sql",
                "CREATE TABLE t2 (id INT);\n",
                "R__view.sql",
                "DROP VIEW IF EXISTS v1;\nCREATE VIEW v1 AS SELECT id FROM t1;\n");
        for (Map.Entry<String, String> f : files.entrySet()) {
            write(f.getKey(), f.getValue());
        }
        migrator().migrate(MigrateOptions.latest());
        try (Connection c = db.connect();
                Statement s = c.createStatement()) { // as an older Keelson wrote them
            for (Map.Entry<String, String> f : files.entrySet()) {
                s.executeUpdate("UPDATE keelson_schema_history SET checksum = '" + k1(f.getValue())
                        + "' WHERE script = '" + f.getKey() + "'");
            }
        }
        List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
        Migrator migrator = configure()
                .listener(new MigrationListener() {
                    @Override
                    public void notice(String message) {
                        notices.add(message);
                    }
                })
                .build();

        assertThat(states(migrator.status()).values()).as("no mass mismatch").containsOnly(MigrationState.APPLIED);
        assertThat(migrator.validate().valid()).isTrue();
        assertThat(migrator.migrate(MigrateOptions.latest()).migrations())
                .as("the repeatable does not run again")
                .isEmpty();
        assertThat(notices)
                .isNotEmpty()
                .allSatisfy(n -> assertThat(n)
                        .startsWith("3 applied migration(s) have a checksum" + " in an older format")
                        .contains("`keelson db repair --upgrade-checksums`"));
        write("V2__two.sql", "CREATE TABLE t2 (id BIGINT);\n");
        assertThat(migrator.validate().problems())
                .extracting(ValidationProblem::script)
                .containsExactly("V2__two.sql");

        RepairResult upgrade = migrator.repair(RepairOptions.checksumUpgrade());

        assertThat(upgrade.upgradedChecksums())
                .as("a changed file keeps its old checksum")
                .containsExactlyInAnyOrder("V1__one.sql", "R__view.sql");
        assertThat(count("SELECT COUNT(*) FROM keelson_schema_history WHERE checksum LIKE 'k2:%'"))
                .isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM keelson_schema_history WHERE type = 'CHECKSUM_UPGRADE'"
                        + " AND description = 'checksums upgraded to k2: (2 entries)'"))
                .isEqualTo(1);
        assertThat(states(migrator.status()))
                .containsEntry("V1__one.sql", MigrationState.APPLIED)
                .containsEntry("V2__two.sql", MigrationState.CHANGED)
                .containsEntry("R__view.sql", MigrationState.APPLIED);
    }

    @Test
    void aVanishedFileFailsValidationUntilRepairForgetsIt() throws Exception {
        threeTables();
        migrator().migrate(MigrateOptions.latest());
        Files.delete(dir.resolve("db/V3__three.sql"));
        Files.delete(dir.resolve("db/U3__three.sql"));

        assertThat(states(migrator().status())).containsEntry("V3__three.sql", MigrationState.MISSING_FILE);
        assertThat(migrator().validate().problems())
                .extracting(ValidationProblem::state)
                .containsExactly(MigrationState.MISSING_FILE);
        assertThat(migrator().repair().removedMissing()).containsExactly("V3__three.sql");
        assertThat(migrator().validate().valid()).isTrue();
        assertThat(states(migrator().status())).doesNotContainKey("V3__three.sql");
    }

    @Test
    void rollbackRunsTheUndoFilesOfTheNewestVersionsNewestFirst() throws Exception {
        threeTables();
        migrator().migrate(MigrateOptions.latest());

        RollbackResult result = migrator().rollback(RollbackOptions.steps(2));

        assertThat(scripts(result.undone())).containsExactly("U3__three.sql", "U2__two.sql");
        assertThat(result.schemaVersion()).contains(Version.parse("1"));
        assertThat(tableExists("t3")).isFalse();
        assertThat(tableExists("t2")).isFalse();
        assertThat(tableExists("t1")).isTrue();
        assertThat(states(migrator().status()))
                .containsEntry("V1__one.sql", MigrationState.APPLIED)
                .containsEntry("V2__two.sql", MigrationState.PENDING)
                .containsEntry("V3__three.sql", MigrationState.PENDING);
        assertThat(count("SELECT COUNT(*) FROM " + Migrator.DEFAULT_HISTORY_TABLE))
                .as("audit trail kept")
                .isEqualTo(5);

        assertThat(scripts(migrator().migrate(MigrateOptions.latest()).migrations()))
                .containsExactly("V2__two.sql", "V3__three.sql");
        assertThat(scripts(migrator()
                        .rollback(RollbackOptions.to(Version.parse("1")))
                        .undone()))
                .containsExactly("U3__three.sql", "U2__two.sql");
    }

    @Test
    void aFailedMigrationListsTheMigrationsAppliedBeforeIt() throws Exception {
        write("V1__one.sql", "CREATE TABLE t1 (id INT PRIMARY KEY);\n");
        write("V2__two.sql", "CREATE TABLE t2 (id INT PRIMARY KEY);\n");
        write("V3__broken.sql", "INSERT INTO no_such_table VALUES (1);\n");

        MigrationException e =
                catchThrowableOfType(MigrationException.class, () -> migrator().migrate(MigrateOptions.latest()));

        assertThat(e.code()).isEqualTo(MigrationErrorCode.MIGRATION_FAILED);
        assertThat(scripts(e.completed())).containsExactly("V1__one.sql", "V2__two.sql");
        assertThat(e.getMessage()).contains("run migrate again").doesNotContain("..");
    }

    @Test
    void flywayCallbacksRunAtTheirEventsAndAreNotMigrations() throws Exception {
        write("V1__one.sql", "CREATE TABLE t1 (id INT PRIMARY KEY);\n");
        write("V2__two.sql", "CREATE TABLE t2 (id INT PRIMARY KEY);\n");
        write(
                "beforeMigrate.sql",
                "CREATE TABLE IF NOT EXISTS cb_log (event VARCHAR(40));\n"
                        + "INSERT INTO cb_log VALUES ('beforeMigrate');\n");
        write("afterEachMigrate.sql", "INSERT INTO cb_log VALUES ('afterEachMigrate');\n");
        write("afterMigrate__log.sql", "INSERT INTO cb_log VALUES ('afterMigrate');\n");
        write("afterMigrateError.sql", "INSERT INTO cb_log VALUES ('afterMigrateError');\n");
        write("beforeClean.sql", "DROP TABLE t1;\n");

        MigrateResult first = migrator().migrate(MigrateOptions.latest());
        migrator().migrate(MigrateOptions.latest());

        assertThat(scripts(first.migrations())).containsExactly("V1__one.sql", "V2__two.sql");
        assertThat(states(migrator().status())).containsOnlyKeys("V1__one.sql", "V2__two.sql");
        assertThat(count("SELECT COUNT(*) FROM cb_log WHERE event = 'beforeMigrate'"))
                .isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM cb_log WHERE event = 'afterEachMigrate'"))
                .isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM cb_log WHERE event = 'afterMigrate'"))
                .isEqualTo(2);
        assertThat(tableExists("t1")).as("beforeClean is Flyway's, not run").isTrue();

        write("V3__broken.sql", "INSERT INTO no_such_table VALUES (1);\n");
        assertFails(
                () -> migrator().migrate(MigrateOptions.latest()),
                MigrationErrorCode.MIGRATION_FAILED,
                m -> assertThat(m).contains("V3__broken.sql"));
        assertThat(count("SELECT COUNT(*) FROM cb_log WHERE event = 'afterMigrateError'"))
                .isEqualTo(1);
    }

    /** What Flyway leaves behind after applying {@code files}: their tables and its history with their checksums. */
    void flywayApplied(String... rows) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50),"
                            + " description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL,"
                            + " checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL,"
                            + " execution_time INT NOT NULL, success BOOLEAN NOT NULL)");
            for (String row : rows) {
                s.execute("INSERT INTO flyway_schema_history VALUES (" + row + ")");
            }
        }
    }

    @Test
    void aDatabaseFlywayManagesIsAdoptedNotMigratedAgain() throws Exception {
        threeTables();
        String v1 = Files.readString(dir.resolve("db/V1__one.sql"));
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t1 (id INT PRIMARY KEY)");
            s.execute("CREATE TABLE t2 (id INT PRIMARY KEY)");
        }
        flywayApplied(
                "1, '1', 'one', 'SQL', 'V1__one.sql', "
                        + dev.keelson.migrate.internal.history.FlywayHistory.checksum(v1)
                        + ", 'flyway', CURRENT_TIMESTAMP, 5, TRUE",
                "2, '2', 'two', 'SQL', 'V2__two.sql', 12345, 'flyway', CURRENT_TIMESTAMP, 5, TRUE");
        List<String> notices = new ArrayList<>();
        MigrationListener listen = new MigrationListener() {
            @Override
            public void notice(String message) {
                notices.add(message);
            }
        };

        assertThat(states(configure().listener(listen).build().status()))
                .containsEntry("V1__one.sql", MigrationState.APPLIED)
                .containsEntry("V2__two.sql", MigrationState.CHANGED)
                .containsEntry("V3__three.sql", MigrationState.PENDING);
        assertThat(notices)
                .anySatisfy(n -> assertThat(n).startsWith("Found flyway_schema_history: its 2 applied entries"));
        assertThat(tableExists(Migrator.DEFAULT_HISTORY_TABLE))
                .as("status writes nothing")
                .isFalse();
        assertFails(
                () -> migrator().migrate(MigrateOptions.latest()),
                MigrationErrorCode.VALIDATION_FAILED,
                m -> assertThat(m).contains("V2__two.sql changed since it was applied"));

        migrator().repair();
        assertThat(scripts(migrator().migrate(MigrateOptions.latest()).migrations()))
                .containsExactly("V3__three.sql");
        assertThat(migrator().validate().valid()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM flyway_schema_history"))
                .as("Flyway's table is left alone")
                .isEqualTo(2);
    }

    @Test
    void aFirstMigrationThatFindsItsTableOnADatabaseWithoutHistoryNamesBaseline() throws Exception {
        threeTables();
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t1 (id INT PRIMARY KEY)");
        }
        assertFails(
                () -> migrator().migrate(MigrateOptions.latest()),
                MigrationErrorCode.MIGRATION_FAILED,
                m -> assertThat(m).contains("V1__one.sql").contains("`keelson db baseline --version N`"));
    }

    @Test
    void aFailedFlywayEntryStopsTheAdoptionAndNamesTheBaselineCommand() throws Exception {
        threeTables();
        flywayApplied(
                "1, '1', 'one', 'SQL', 'V1__one.sql', 1, 'flyway', CURRENT_TIMESTAMP, 5, TRUE",
                "2, '2', 'two', 'SQL', 'V2__two.sql', 2, 'flyway', CURRENT_TIMESTAMP, 5, FALSE");

        assertFails(
                () -> migrator().migrate(MigrateOptions.latest()),
                MigrationErrorCode.FAILED_MIGRATION_PRESENT,
                m -> assertThat(m)
                        .contains("records a failed run of V2__two.sql")
                        .contains("`keelson db baseline --version 1`"));
        assertThat(tableExists("t1")).as("nothing ran").isFalse();
    }

    @Test
    void aFailedUndoListsTheUndoFilesRunBeforeItAndNamesTheRollbackAsTheNextStep() throws Exception {
        threeTables();
        migrator().migrate(MigrateOptions.latest());
        write("U2__two.sql", "DROP TABLE no_such_table;\n");

        MigrationException e =
                catchThrowableOfType(MigrationException.class, () -> migrator().rollback(RollbackOptions.all()));

        assertThat(e.code()).isEqualTo(MigrationErrorCode.MIGRATION_FAILED);
        assertThat(scripts(e.completed())).containsExactly("U3__three.sql");
        assertThat(e.getMessage())
                .startsWith("Undo file U2__two.sql failed at line 1")
                .contains("rollback again")
                .doesNotContain("migrate again");
    }

    @Test
    void rollbackAllUndoesEveryAppliedVersion() throws Exception {
        threeTables();
        migrator().migrate(MigrateOptions.latest());

        RollbackResult result = migrator().rollback(RollbackOptions.all());

        assertThat(scripts(result.undone())).containsExactly("U3__three.sql", "U2__two.sql", "U1__one.sql");
        assertThat(result.schemaVersion()).isEmpty();
        assertThat(tableExists("t1")).isFalse();
    }

    @Test
    void rollbackDryRunListsTheUndoStatementsAndChangesNothing() throws Exception {
        threeTables();
        migrator().migrate(MigrateOptions.latest());
        RollbackResult result = migrator().rollback(RollbackOptions.steps(1).withDryRun(true));
        assertThat(result.undone())
                .singleElement()
                .satisfies(u -> assertThat(u.statements()).containsExactly("DROP TABLE t3"));
        assertThat(tableExists("t3")).isTrue();
        assertThat(migrator().status().schemaVersion()).contains(Version.parse("3"));
    }

    @Test
    void aVersionWithoutUndoFileStopsTheRollbackBeforeAnythingRuns() throws Exception {
        threeTables();
        Files.delete(dir.resolve("db/U2__two.sql"));
        migrator().migrate(MigrateOptions.latest());

        assertFails(
                () -> migrator().rollback(RollbackOptions.steps(2)),
                MigrationErrorCode.MISSING_UNDO,
                m -> assertThat(m)
                        .contains("V2__two.sql has no undo file U2__*.sql")
                        .contains("Nothing was run"));
        assertThat(tableExists("t3")).isTrue();
        assertFails(
                () -> migrator().rollback(RollbackOptions.steps(4)),
                MigrationErrorCode.NOTHING_TO_ROLLBACK,
                m -> assertThat(m).contains("only 3"));
    }

    @Test
    void baselineAdoptsAnExistingDatabase() throws Exception {
        threeTables();
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t1 (id INT PRIMARY KEY)");
            s.execute("CREATE TABLE t2 (id INT PRIMARY KEY)");
        }
        migrator().baseline(Version.parse("2"), "existing schema");

        assertThat(scripts(migrator().migrate(MigrateOptions.latest()).migrations()))
                .containsExactly("V3__three.sql");
        StatusReport status = migrator().status();
        assertThat(states(status))
                .containsEntry("baseline 2", MigrationState.BASELINE)
                .containsEntry("V1__one.sql", MigrationState.BASELINE)
                .containsEntry("V2__two.sql", MigrationState.BASELINE)
                .containsEntry("V3__three.sql", MigrationState.APPLIED);
        assertFails(
                () -> migrator().baseline(Version.parse("3"), null),
                MigrationErrorCode.BASELINE_REFUSED,
                m -> assertThat(m).contains("already has applied migrations"));
    }

    @Test
    void anUnknownPlaceholderNamesTheFileAndLineAndNothingRuns() throws Exception {
        write("V1__one.sql", "CREATE TABLE t1 (id INT);");
        write("V2__two.sql", "CREATE TABLE t2 (id INT);\n-- owner ${owner}\n");
        assertFails(
                () -> migrator().migrate(MigrateOptions.latest()),
                MigrationErrorCode.UNKNOWN_PLACEHOLDER,
                m -> assertThat(m).startsWith("V2__two.sql line 2: placeholder ${owner} has no value"));
        assertThat(tableExists("t1")).isFalse();
        configure().placeholder("owner", "me").build().migrate(MigrateOptions.latest());
        assertThat(tableExists("t2")).isTrue();
    }

    @Test
    void aClasspathLocationIsReadFromInsideAJar() throws Exception {
        Path jar = dir.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String d : List.of("db/", "db/migration/")) {
                out.putNextEntry(new JarEntry(d));
                out.closeEntry();
            }
            putEntry(out, "db/migration/V1__from_jar.sql", "CREATE TABLE jarred (id INT);");
            putEntry(out, "db/migration/R__notes.sql", "INSERT INTO jarred VALUES (1);");
            putEntry(out, "db/migration/readme.txt", "skipped");
        }
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Thread.currentThread().setContextClassLoader(loader);
            MigrateResult result = Migrator.configure()
                    .url(url())
                    .user(db.user())
                    .password(db.password())
                    .location("classpath:db/migration")
                    .build()
                    .migrate(MigrateOptions.latest());
            assertThat(scripts(result.migrations())).containsExactly("V1__from_jar.sql", "R__notes.sql");
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        assertThat(count("SELECT COUNT(*) FROM jarred")).isEqualTo(1);
    }

    @Test
    void aMissingClasspathLocationIsNamed() {
        assertFails(
                () -> Migrator.configure()
                        .url(url())
                        .location("classpath:no/such/folder")
                        .build()
                        .status(),
                MigrationErrorCode.LOCATION_NOT_FOUND,
                m -> assertThat(m).contains("classpath:no/such/folder"));
    }

    private static void putEntry(JarOutputStream out, String name, String content) throws Exception {
        out.putNextEntry(new JarEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    @Test
    void severalProcessesMigratingAtOnceApplyEachMigrationExactlyOnce() throws Exception {
        write("V1__counter.sql", "CREATE TABLE counter (n INT PRIMARY KEY);");
        for (int i = 2; i <= 6; i++) {
            write("V" + i + "__insert_" + i + ".sql", "INSERT INTO counter VALUES (" + i + ");");
        }
        List<ChildMigrator> children = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                children.add(ChildMigrator.start(db, dir.resolve("db")));
            }
            for (ChildMigrator child : children) {
                outputs.add(child.finish());
            }
        } finally {
            for (ChildMigrator child : children) {
                child.close();
            }
        }
        assertThat(outputs).allMatch(o -> o.matches("applied=\\d"));
        assertThat(outputs.stream()
                        .mapToInt(o -> Integer.parseInt(o.substring("applied=".length())))
                        .sum())
                .as("each migration applied by exactly one process: " + outputs)
                .isEqualTo(6);
        if (engine() != Engine.POSTGRESQL) {
            assertThat(outputs)
                    .as("a run lock: one applies all, the others find nothing to do")
                    .containsOnly("applied=6", "applied=0");
        }
        assertThat(count("SELECT COUNT(*) FROM counter")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM " + Migrator.DEFAULT_HISTORY_TABLE))
                .isEqualTo(6);
    }

    /** The lock-row stale period of the kill tests (heartbeats every 1/6 of it). */
    static final Duration STALE = Duration.ofSeconds(1);

    /** The file the kill tests kill a migrator in: statement 2 pauses ({@link #pause}). */
    static final String KILLED = "CREATE TABLE k1 (id INT);\n${pause};\nCREATE TABLE k2 (id INT);\n";

    /** A statement that pauses {@code millis} on this engine (SQLite, H2: {@link MigratorMain#pause}). */
    abstract String pause(int millis);

    /** Waits until the child runs the pause statement. */
    void awaitPause(ChildMigrator child) throws Exception {
        child.await("pausing", Duration.ofSeconds(60));
    }

    ChildMigrator startKillable() throws Exception {
        return ChildMigrator.start(db, dir.resolve("db"), String.valueOf(STALE.toMillis()), pause(20_000));
    }

    /** Waits until {@code countQuery} (the server's view of running statements) counts one. */
    void awaitActivity(String countQuery, ChildMigrator child) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (count(countQuery) > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the pause never ran; the child said: " + child.output());
    }

    /** The migrator that comes after the killed one. */
    Migrator next() {
        return configure()
                .lockStaleAfter(STALE)
                .lockTimeout(Duration.ofSeconds(30))
                .placeholder("pause", "SELECT 1")
                .build();
    }

    @Test
    void aMigratorKilledInsideAMigrationsTransactionLeavesItPendingAndTheNextMigrateAppliesIt() throws Exception {
        Assumptions.assumeTrue(
                transactionalDdl(), "every file runs outside a transaction here: see the other kill test");
        write("V1__before.sql", "CREATE TABLE k0 (id INT);");
        write("V2__killed.sql", KILLED);
        try (ChildMigrator child = startKillable()) {
            awaitPause(child);
            child.kill();
        }
        assertThat(states(next().status()))
                .containsEntry("V1__before.sql", MigrationState.APPLIED)
                .containsEntry("V2__killed.sql", MigrationState.PENDING);
        assertThat(tableExists("k1"))
                .as("statement 1 was rolled back with its transaction")
                .isFalse();

        assertThat(scripts(next().migrate(MigrateOptions.latest()).migrations()))
                .containsExactly("V2__killed.sql");
        assertThat(tableExists("k2")).isTrue();
    }

    @Test
    void aMigratorKilledOutsideATransactionLeavesATruthfulStatusAndTheNextMigrateSaysExactlyWhatToRun()
            throws Exception {
        write("V1__before.sql", "CREATE TABLE k0 (id INT);");
        write("V2__killed.sql", "-- keelson:no-transaction\n" + KILLED);
        try (ChildMigrator child = startKillable()) {
            awaitPause(child);
            assertThat(states(next().status())).containsEntry("V2__killed.sql", MigrationState.FAILED);
            assertThat(next().status().migrations().get(1).failure())
                    .as("while it runs")
                    .startsWith("running statement 2 of 3 now");
            child.kill();
        }
        MigrationInfo killed = awaitInterrupted();
        assertThat(killed.failure())
                .startsWith("interrupted at statement 2 of 3: statements 1 to 1 ran, then the migrator"
                        + " stopped (killed, or its connection lost) while statement 2 ran");

        assertFails(
                () -> next().migrate(MigrateOptions.latest()),
                MigrationErrorCode.FAILED_MIGRATION_PRESENT,
                m -> assertThat(m)
                        .contains("V2__killed.sql was interrupted at statement 2 of 3: statements 1 to 1 ran")
                        .contains("`keelson db repair --resume-at V2__killed.sql:2` if it did not take effect")
                        .contains("`keelson db repair --resume-at V2__killed.sql:3` if it did"));
        assertThat(next().repair(RepairOptions.resumeAt("V2__killed.sql:3")).resumePoints())
                .containsExactly("V2__killed.sql resumes at statement 3 of 3");
        assertThat(scripts(next().migrate(MigrateOptions.latest()).migrations()))
                .containsExactly("V2__killed.sql");
        assertThat(tableExists("k1")).isTrue();
        assertThat(tableExists("k2")).isTrue();
        assertThat(states(next().status()).values()).containsOnly(MigrationState.APPLIED);
    }

    /** The killed file's status row once its holder's lock is gone (a lock row after its stale period). */
    private MigrationInfo awaitInterrupted() throws InterruptedException {
        MigrationInfo info = null;
        for (int i = 0; i < 100; i++) {
            info = next().status().migrations().get(1);
            if (info.failure() != null && info.failure().startsWith("interrupted")) {
                return info;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("status never said interrupted: " + info);
    }

    @Test
    void aHeldLockMakesMigrateWaitThenFailNamingTheHolder() throws Exception {
        write("V1__one.sql", "CREATE TABLE t1 (id INT);");
        List<String> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void waitingForLock(String holder, java.time.Duration waited) {
                waits.add(holder);
            }
        };
        try (Connection other = db.connect()) {
            holdMigrationLock(other);
            assertFails(
                    () -> configure()
                            .lockTimeout(java.time.Duration.ofMillis(1500))
                            .listener(listener)
                            .build()
                            .migrate(MigrateOptions.latest()),
                    MigrationErrorCode.LOCK_TIMEOUT,
                    m -> assertThat(m).contains("held by").contains(holderDescription()));
            assertThat(waits).isNotEmpty().allSatisfy(h -> assertThat(h).contains(holderDescription()));
            assertThat(tableExists("t1")).isFalse();
            assertThat(migrator()
                            .migrate(MigrateOptions.latest().withDryRun(true))
                            .migrations())
                    .as("a dry run takes no lock")
                    .hasSize(1);
        }
        // a planted lock row stays after its connection closed: the short stale period takes it over quickly
        assertThat(configure()
                        .lockStaleAfter(STALE)
                        .build()
                        .migrate(MigrateOptions.latest())
                        .migrations())
                .hasSize(1);
    }
}
