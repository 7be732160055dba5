package dev.keelson.migrate.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationState;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The auto-configuration against a fresh database on the local PostgreSQL, one per test. */
class KeelsonMigrateAutoConfigurationIT {
    private TestDatabase db;
    private ApplicationContextRunner runner;

    @BeforeEach
    void freshDatabase() {
        db = TestDatabases.fresh(Engine.POSTGRESQL);
        DataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KeelsonMigrateAutoConfiguration.class))
                .withBean(DataSource.class, () -> dataSource);
    }

    @AfterEach
    void drop() throws Exception {
        db.close();
    }

    @Test
    void appliesClasspathDbMigrationWhenTheContextStarts() {
        runner.run(context -> {
            assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(Migrator.class)
                    .hasSingleBean(KeelsonMigrationInitializer.class);
            assertThat(tableExists("widgets")).isTrue();
            assertThat(context.getBean(Migrator.class).status().schemaVersion())
                    .hasValueSatisfying(v -> assertThat(v).hasToString("1"));
        });
    }

    @Test
    void enabledFalseLeavesTheSchemaAloneButKeepsTheMigrator() {
        runner.withPropertyValues("keelson.migrate.enabled=false").run(context -> {
            assertThat(context)
                    .hasNotFailed()
                    .hasSingleBean(Migrator.class)
                    .doesNotHaveBean(KeelsonMigrationInitializer.class);
            assertThat(tableExists("widgets")).isFalse();
        });
    }

    @Test
    void theApplicationsOwnMigratorIsUsedInsteadOfTheAutoConfiguredOne() {
        runner.withBean(
                        Migrator.class,
                        () -> Migrator.configure()
                                .url(db.url())
                                .user(db.user())
                                .location("classpath:other/migration")
                                .placeholder("suffix", "own")
                                .build())
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(Migrator.class);
                    assertThat(tableExists("gadgets_own")).isTrue();
                    assertThat(tableExists("widgets")).isFalse();
                });
    }

    @Test
    void theApplicationsOwnStrategyDecidesWhatHappens() {
        AtomicBoolean called = new AtomicBoolean();
        runner.withBean(MigrationStrategy.class, () -> migrator -> called.set(migrator.validate() != null))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(called).isTrue();
                    assertThat(tableExists("widgets")).isFalse();
                });
    }

    @Test
    void propertiesReachTheMigrator() {
        runner.withPropertyValues(
                        "keelson.migrate.locations=classpath:other/migration",
                        "keelson.migrate.placeholders.suffix=props",
                        "keelson.migrate.target=1",
                        "keelson.migrate.table=my_history",
                        "keelson.migrate.out-of-order=true",
                        "keelson.migrate.lock-timeout=42s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    Migrator migrator = context.getBean(Migrator.class);
                    assertThat(migrator.config().outOfOrder()).isTrue();
                    assertThat(migrator.config().lockTimeout()).isEqualTo(Duration.ofSeconds(42));
                    assertThat(tableExists("gadgets_props")).isTrue();
                    assertThat(tableExists("my_history")).isTrue();
                    assertThat(migrator.status().inState(MigrationState.PENDING))
                            .singleElement()
                            .satisfies(m -> assertThat(m.script()).isEqualTo("V2__gadget_names.sql"));
                });
    }

    @Test
    void aLintErrorInAPendingFileStopsTheStartUpBeforeAnythingIsApplied() throws SQLException {
        existingGizmo();
        runner.withPropertyValues("keelson.migrate.locations=classpath:lint-error")
                .run(context -> {
                    assertThat(context).hasFailed();
                    MigrationException failure = cause(context.getStartupFailure());
                    assertThat(failure.code()).isEqualTo(MigrationErrorCode.LINT_FAILED);
                    FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .contains("[LINT_FAILED]")
                            .contains("V1__forget_gizmos.sql:1 [data-change-without-where]");
                    assertThat(gizmos()).isOne();
                });
    }

    @Test
    void lintFalseMigratesWhatTheLintWouldRefuse() throws SQLException {
        existingGizmo();
        runner.withPropertyValues("keelson.migrate.locations=classpath:lint-error", "keelson.migrate.lint=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(gizmos()).isZero();
                });
    }

    @Test
    void aFailedMigrationStopsTheStartUpWithTheEnginesMessage() {
        runner.withPropertyValues("keelson.migrate.locations=classpath:failing").run(context -> {
            assertThat(context).hasFailed();
            MigrationException failure = cause(context.getStartupFailure());
            assertThat(failure.getMessage())
                    .contains("V1__broken.sql failed at line 2")
                    .contains("SQLState 42P01");
            FailureAnalysis analysis = new MigrationFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .startsWith("The database schema could not be migrated [")
                    .contains("V1__broken.sql");
            assertThat(analysis.getAction()).contains("keelson db repair");
        });
    }

    @Test
    void baselineOnMigrateAdoptsAnExistingSchema() throws SQLException {
        // without the baseline, V1's CREATE TABLE would fail on the table that is already there
        execute("CREATE TABLE widgets (id bigint PRIMARY KEY, name text NOT NULL)");

        runner.withPropertyValues("keelson.migrate.baseline-on-migrate=true", "keelson.migrate.baseline-version=1")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(Migrator.class).status().migrations())
                            .isNotEmpty()
                            .allSatisfy(m -> assertThat(m.state()).isEqualTo(MigrationState.BASELINE));
                });
    }

    @Test
    void baselineOnMigrateLeavesAnEmptyDatabaseToTheMigrations() {
        runner.withPropertyValues("keelson.migrate.baseline-on-migrate=true").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(tableExists("widgets")).isTrue();
        });
    }

    private static MigrationException cause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MigrationException m) {
                return m;
            }
        }
        throw new AssertionError("no MigrationException in " + failure, failure);
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection c = db.connect();
                ResultSet rs = c.getMetaData().getTables(null, null, table, null)) {
            return rs.next();
        }
    }

    /** A table the migrations did not make, with a row: the lint knows nothing of it but that it exists. */
    private void existingGizmo() throws SQLException {
        execute("CREATE TABLE gizmos (id bigint PRIMARY KEY)");
        execute("INSERT INTO gizmos VALUES (1)");
    }

    private long gizmos() throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM gizmos")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
