package dev.keelson.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.keelson.migrate.lint.Finding;
import dev.keelson.migrate.lint.Severity;
import dev.keelson.migrate.testing.Engine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresMigrationIT extends MigrationContractIT {
    @Override
    Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    boolean transactionalDdl() {
        return true;
    }

    @Override
    void holdMigrationLock(Connection c) throws SQLException {
        int key = Migrator.DEFAULT_HISTORY_TABLE.hashCode() & 0x7fffffff;
        try (Statement s = c.createStatement()) {
            s.execute("SET application_name = 'the-other-deployer'");
            s.execute("SELECT pg_advisory_lock(1262830924, " + key + ")");
        }
    }

    @Override
    String holderDescription() {
        return "application 'the-other-deployer', client 127.0.0.1";
    }

    @Test
    void migrateLintsThePendingFilesAsOneRunAndLeavesUndoFilesToRollback() throws Exception {
        write("V1__table.sql", "CREATE TABLE t (id int PRIMARY KEY, x int);");
        write(
                "V2__index.sql",
                "CREATE INDEX t_x ON t (x);\nALTER TABLE t RENAME TO t2;\nCREATE INDEX t2_id ON t2 (id);");
        write(
                "U2__index.sql",
                "ALTER TABLE t2 RENAME TO t;\nALTER TABLE t ADD COLUMN y int NOT NULL;\nDROP INDEX t_x;");

        MigrateResult first = migrator().migrate(MigrateOptions.latest());

        assertThat(scripts(first.migrations())).containsExactly("V1__table.sql", "V2__index.sql");
        assertThat(first.lint().findings()).extracting(Finding::rule).containsOnly("missing-undo");

        write("V3__late_index.sql", "CREATE INDEX t2_x2 ON t2 (x);");
        LintFailedException lint =
                catchThrowableOfType(LintFailedException.class, () -> migrator().migrate(MigrateOptions.latest()));
        assertThat(lint.code()).isEqualTo(MigrationErrorCode.LINT_FAILED);
        assertThat(lint.report().findings())
                .filteredOn(f -> f.severity() == Severity.ERROR)
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.file()).isEqualTo("V3__late_index.sql");
                    assertThat(f.rule()).isEqualTo("pg-index-not-concurrent");
                });
        assertThat(states(migrator().status())).containsEntry("V3__late_index.sql", MigrationState.PENDING);

        LintFailedException undo =
                catchThrowableOfType(LintFailedException.class, () -> migrator().rollback(RollbackOptions.steps(1)));
        assertThat(undo.report().findings())
                .extracting(Finding::rule)
                .containsExactly("pg-add-not-null-column-without-default");
        assertThat(configure()
                        .lint(LintPolicy.off())
                        .build()
                        .rollback(RollbackOptions.steps(1))
                        .undone())
                .hasSize(1);
    }

    @Test
    void statementsThatReturnNoRowsRunAsOneBatchAndTheOthersOnTheirOwn() throws Exception {
        write("V1__mixed.sql", """
                CREATE TABLE t (id int PRIMARY KEY, name text);
                INSERT INTO t VALUES (1, 'one');
                SELECT setval(pg_get_serial_sequence('t', 'id'), 1) WHERE false;
                INSERT INTO t VALUES (2, 'two') RETURNING id;
                UPDATE t SET name = 'uno' WHERE id = 1;
                CREATE INDEX t_name ON t (name);
                """);

        migrator().migrate(MigrateOptions.latest());

        assertThat(count("SELECT COUNT(*) FROM t WHERE name IN ('uno', 'two')")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 't_name'"))
                .isEqualTo(1);
    }

    @Test
    void aStatementFailingInsideABatchIsNamedAndNothingOfItsFileStays() throws Exception {
        write(
                "V1__broken.sql",
                "CREATE TABLE t (id int PRIMARY KEY);\nINSERT INTO t VALUES (1);\nINSERT INTO t (nope)\n"
                        + "  VALUES (2);\nCREATE INDEX t_id ON t (id);\n");

        assertFails(
                () -> migrator().migrate(MigrateOptions.latest()),
                MigrationErrorCode.MIGRATION_FAILED,
                m -> assertThat(m)
                        .contains("V1__broken.sql failed at line 3, column 16 (statement 3 of 4)")
                        .contains("SQLState 42703")
                        .contains("column \"nope\" of relation \"t\" does not exist"));
        assertThat(tableExists("t")).isFalse();
        assertThat(states(migrator().status())).containsEntry("V1__broken.sql", MigrationState.PENDING);
    }

    @Test
    void thePendingLintKnowsTheColumnsAndChecksOfAppliedFilesButTreatsTheirTablesAsExisting() throws Exception {
        write(
                "V1__table.sql",
                "CREATE TABLE t (id int PRIMARY KEY, s varchar(50), x int);\nCREATE INDEX t_s ON t (s);\n"
                        + "INSERT INTO t VALUES (1, 'a', 1);\n"
                        + "ALTER TABLE t ADD CONSTRAINT t_x CHECK (x IS NOT NULL) NOT VALID;\n"
                        + "ALTER TABLE t VALIDATE CONSTRAINT t_x;");
        migrator().migrate(MigrateOptions.latest());
        write(
                "V2__widen.sql",
                "ALTER TABLE t ALTER COLUMN s TYPE varchar(80);\nALTER TABLE t ALTER COLUMN x SET NOT NULL;\n"
                        + "CREATE TABLE u (id int PRIMARY KEY, t_id int);");
        write("V3__index_u.sql", "CREATE INDEX u_t ON u (t_id);");

        MigrateResult second = migrator().migrate(MigrateOptions.latest());

        assertThat(scripts(second.migrations())).containsExactly("V2__widen.sql", "V3__index_u.sql");
        assertThat(second.lint().checkedFiles()).containsExactly("V2__widen.sql", "V3__index_u.sql");
        assertThat(second.lint().findings()).extracting(Finding::rule).containsOnly("missing-undo");

        write("V4__index_t.sql", "CREATE INDEX t_x ON t (x);");
        LintFailedException lint =
                catchThrowableOfType(LintFailedException.class, () -> migrator().migrate(MigrateOptions.latest()));
        assertThat(lint.report().findings())
                .filteredOn(f -> f.severity() == Severity.ERROR)
                .extracting(f -> f.file() + " " + f.rule())
                .containsExactly("V4__index_t.sql pg-index-not-concurrent");
    }

    @Test
    void aFileCutShortIsRefusedByTheLintNamingTheFileAndLine() throws Exception {
        write("V1__table.sql", "CREATE TABLE t (id int PRIMARY KEY);");
        write("V4__broken.sql", "\nCREATE TABLE broken (");

        assertFails(
                () -> migrator().migrate(MigrateOptions.latest()),
                MigrationErrorCode.SQL_PARSE_ERROR,
                m -> assertThat(m).startsWith("V4__broken.sql line 2: ").contains("not closed"));
        assertThat(tableExists("t")).as("nothing ran").isFalse();
    }

    @Test
    void aConcurrentIndexMigrationFinishesWhileASecondMigratorWaits() throws Exception {
        write("V1__table.sql", "CREATE TABLE t1 (id INT);\nINSERT INTO t1 SELECT generate_series(1, 1000);");
        migrator().migrate(MigrateOptions.latest());
        write("V2__index.sql", "-- keelson:no-transaction\nCREATE INDEX CONCURRENTLY t1_id ON t1 (id);");
        write("V3__after.sql", "CREATE TABLE t3 (id INT);");
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch secondWaits = new CountDownLatch(1);
        // the first migrator holds the lock for V2 until the second waits for it, then builds its index: a waiter
        // holding a snapshot (as one blocked inside a transaction does) would make CONCURRENTLY wait for it forever
        MigrationListener first = new MigrationListener() {
            @Override
            public void starting(MigrationType type, Version version, String script, int index, int total) {
                if (script.equals("V2__index.sql")) {
                    firstHoldsTheLock.countDown();
                    await(secondWaits);
                }
            }
        };
        MigrationListener second = new MigrationListener() {
            @Override
            public void waitingForLock(String holder, Duration waited) {
                secondWaits.countDown();
            }
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<MigrateResult> one =
                    threads.submit(() -> configure().listener(first).build().migrate(MigrateOptions.latest()));
            assertThat(firstHoldsTheLock.await(20, TimeUnit.SECONDS)).isTrue();
            Future<MigrateResult> two =
                    threads.submit(() -> configure().listener(second).build().migrate(MigrateOptions.latest()));

            List<String> applied =
                    new ArrayList<>(scripts(one.get(30, TimeUnit.SECONDS).migrations()));
            applied.addAll(scripts(two.get(30, TimeUnit.SECONDS).migrations()));
            assertThat(secondWaits.getCount())
                    .as("the second migrator waited for the lock")
                    .isZero();
            assertThat(applied).containsExactlyInAnyOrder("V2__index.sql", "V3__after.sql");
        } finally {
            threads.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM pg_index WHERE indexrelid = 't1_id'::regclass AND indisvalid"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM keelson_schema_history")).isEqualTo(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aVersionAnotherMigratorAppliedAfterThisOnePlannedIsNotAppliedAgain() throws Exception {
        threeTables();
        List<String> byTheOther = new ArrayList<>();
        MigrationListener interleave = new MigrationListener() {
            @Override
            public void finished(ExecutedMigration migration, int index, int total) {
                if (index == 1) { // between two migrations this migrator holds no lock: another one applies V2 now
                    byTheOther.addAll(scripts(configure()
                            .build()
                            .migrate(MigrateOptions.latest().withTarget(Version.parse("2")))
                            .migrations()));
                }
            }
        };
        MigrateResult result = configure().listener(interleave).build().migrate(MigrateOptions.latest());

        assertThat(byTheOther).containsExactly("V2__two.sql");
        assertThat(scripts(result.migrations())).containsExactly("V1__one.sql", "V3__three.sql");
        assertThat(count("SELECT COUNT(*) FROM keelson_schema_history WHERE version = '2'"))
                .isEqualTo(1);
        assertThat(states(migrator().status()).values()).containsOnly(MigrationState.APPLIED);
    }

    /**
     * Under REPEATABLE READ or SERIALIZABLE the try-lock, as the transaction's first statement, would fix its
     * snapshot before the lock is granted, and the history check under the lock could miss the previous holder's
     * commit: every migration transaction runs at READ COMMITTED whatever the database's default.
     */
    @ParameterizedTest
    @ValueSource(strings = {"repeatable read", "serializable", ""})
    void everyMigrationTransactionRunsAtReadCommittedWhateverTheDatabaseDefault(String isolation) throws Exception {
        if (!isolation.isEmpty()) {
            try (Connection c = db.connect();
                    Statement s = c.createStatement()) {
                s.execute("ALTER DATABASE " + c.getCatalog() + " SET default_transaction_isolation = '" + isolation
                        + "'");
            }
        }
        String record = "INSERT INTO levels VALUES ('%s', current_setting('transaction_isolation'));";
        write("V1__levels.sql", "CREATE TABLE levels (file text, level text);\n" + record.formatted("V1"));
        write("V2__outside.sql", "-- keelson:no-transaction\n" + record.formatted("V2"));
        write("V3__more.sql", record.formatted("V3"));
        write("U3__more.sql", record.formatted("U3"));

        migrator().migrate(MigrateOptions.latest());
        migrator().rollback(RollbackOptions.steps(1));

        List<String> levels = new ArrayList<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT file, level, current_setting('transaction_isolation') "
                        + "FROM levels ORDER BY file")) {
            while (rs.next()) {
                levels.add(rs.getString(1) + " " + rs.getString(2));
                assertThat(rs.getString(3)).isEqualTo(isolation.isEmpty() ? "read committed" : isolation);
            }
        }
        // a file run without a transaction runs its statements at the database's default
        String outside = isolation.isEmpty() ? "read committed" : isolation;
        assertThat(levels)
                .containsExactly("U3 read committed", "V1 read committed", "V2 " + outside, "V3 read committed");
    }

    @Test
    void createIndexConcurrentlyNeedsAndGetsTheNoTransactionOptOut() throws Exception {
        write("V1__table.sql", "CREATE TABLE t1 (id INT);");
        write("V2__index.sql", "CREATE INDEX CONCURRENTLY t1_id ON t1 (id);");
        assertFails(
                () -> migrator().migrate(MigrateOptions.latest()),
                MigrationErrorCode.LINT_FAILED,
                m -> assertThat(m).contains("1 error(s) in the pending migrations"));
        assertFails(
                () -> configure().lint(LintPolicy.off()).build().migrate(MigrateOptions.latest()),
                MigrationErrorCode.MIGRATION_FAILED,
                m -> assertThat(m).contains("V2__index.sql").contains("cannot run inside a transaction block"));

        write("V2__index.sql", "-- keelson:no-transaction\nCREATE INDEX CONCURRENTLY t1_id ON t1 (id);");
        assertThat(scripts(migrator().migrate(MigrateOptions.latest()).migrations()))
                .containsExactly("V2__index.sql");
        assertThat(count("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 't1_id'"))
                .isEqualTo(1);
    }

    @Test
    void copyFromStdinLoadsItsInlineData() throws Exception {
        write(
                "V1__load.sql",
                "CREATE TABLE people (id INT, name TEXT);\n"
                        + "COPY people (id, name) FROM STDIN;\n1\tada\n2\tgrace\n\\.\n"
                        + "INSERT INTO people VALUES (3, 'linus');\n");
        migrator().migrate(MigrateOptions.latest());
        assertThat(count("SELECT COUNT(*) FROM people")).isEqualTo(3);
        assertThat(count("SELECT id FROM people WHERE name = 'grace'")).isEqualTo(2);
    }

    @Override
    String pause(int millis) {
        return "SELECT pg_sleep(" + millis / 1000.0 + ")";
    }

    @Override
    void awaitPause(ChildMigrator child) throws Exception {
        awaitActivity(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND query LIKE 'SELECT pg_sleep(%' AND state = 'active'",
                child);
    }
}
