package dev.keelson.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.ExecutedMigration;
import dev.keelson.migrate.MigrateResult;
import dev.keelson.migrate.MigrationInfo;
import dev.keelson.migrate.MigrationState;
import dev.keelson.migrate.MigrationType;
import dev.keelson.migrate.StatusReport;
import dev.keelson.migrate.ValidationProblem;
import dev.keelson.migrate.ValidationResult;
import dev.keelson.migrate.Version;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Text and JSON output built from engine results, without a database. */
class ReportsTest {
    private static final Instant AT = Instant.parse("2026-11-21T09:30:00Z");

    private static MigrationInfo applied(String version, String description) {
        return new MigrationInfo(
                MigrationType.VERSIONED,
                Version.parse(version),
                description,
                "V" + version + "__" + description.replace(' ', '_') + ".sql",
                MigrationState.APPLIED,
                "k1:0123456789abcdef",
                AT,
                "postgres",
                Duration.ofMillis(42),
                null,
                true);
    }

    private static MigrationInfo pending(String version, String description) {
        return new MigrationInfo(
                MigrationType.VERSIONED,
                Version.parse(version),
                description,
                "V" + version + "__" + description.replace(' ', '_') + ".sql",
                MigrationState.PENDING,
                "k1:fedcba9876543210",
                null,
                null,
                null,
                null,
                false);
    }

    private final StatusReport report = new StatusReport(
            List.of(applied("1", "create users"), applied("2", "add email"), pending("3", "create orders")),
            Optional.of(Version.parse("2")));

    @Test
    void statusIsAnAlignedTableWithASummaryLine() {
        assertThat(TextReports.status(report)).isEqualTo("""
                State    Version  Description    Type       Checksum  Applied at (UTC)     By        Time
                applied  1        create users   versioned  01234567  2026-11-21 09:30:00  postgres  42 ms
                applied  2        add email      versioned  01234567  2026-11-21 09:30:00  postgres  42 ms
                pending  3        create orders  versioned  fedcba98
                Schema version 2 · 1 pending · 0 failed""");
    }

    @Test
    void statusJsonHasStableFieldNames() {
        JsonNode doc = JsonMapper.builder().build().readTree(JsonDocuments.status(report));
        assertThat(doc.get("command").asString()).isEqualTo("db status");
        assertThat(doc.get("schemaVersion").asString()).isEqualTo("2");
        assertThat(doc.get("counts").get("pending").asInt()).isEqualTo(1);
        JsonNode first = doc.get("migrations").get(0);
        assertThat(first.get("state").asString()).isEqualTo("applied");
        assertThat(first.get("appliedAt").asString()).isEqualTo("2026-11-21T09:30:00Z");
        assertThat(first.get("executionTimeMs").asLong()).isEqualTo(42);
        assertThat(doc.get("migrations").get(2).get("appliedAt").isNull()).isTrue();
    }

    @Test
    void migratePrintsOneLinePerMigrationThenASummary() {
        MigrateResult result = new MigrateResult(
                List.of(
                        new ExecutedMigration(
                                MigrationType.VERSIONED,
                                Version.parse("1"),
                                "create users",
                                "V1__create_users.sql",
                                List.of("create table users (id int)"),
                                Duration.ofMillis(12)),
                        new ExecutedMigration(
                                MigrationType.REPEATABLE,
                                null,
                                "views",
                                "R__views.sql",
                                List.of("create view v as select 1"),
                                Duration.ofMillis(1500))),
                Optional.of(Version.parse("1")),
                false);
        assertThat(TextReports.migrate(result)).isEqualTo("""
                Applied V1__create_users.sql (12 ms)
                Applied R__views.sql (1.50 s)
                Schema version 1 · 2 migrations applied in 1.51 s""");
    }

    @Test
    void dryRunPrintsTheSqlUnderAHeaderNamingEachFile() {
        MigrateResult result = new MigrateResult(
                List.of(new ExecutedMigration(
                        MigrationType.VERSIONED,
                        Version.parse("1"),
                        "create users",
                        "V1__create_users.sql",
                        List.of("create table users (id int)", "create index users_id on users (id);"),
                        Duration.ZERO)),
                Optional.of(Version.parse("1")),
                true);
        assertThat(TextReports.migrate(result)).isEqualTo("""
                -- V1__create_users.sql (version 1)
                create table users (id int);
                create index users_id on users (id);

                -- Dry run: 1 migration would be applied, reaching schema version 1; nothing was changed.""");
    }

    @Test
    void validationListsEachProblem() {
        ValidationResult result = new ValidationResult(List.of(new ValidationProblem(
                MigrationState.CHANGED,
                Version.parse("1"),
                "V1__create_users.sql",
                "V1__create_users.sql changed since it was applied")));
        assertThat(TextReports.validate(result)).isEqualTo("""
                changed: V1__create_users.sql changed since it was applied
                Invalid: 1 problem (fix the files, or run `keelson db repair` after a deliberate edit)""");
    }

    @Test
    void progressIsQuietForTwoSecondsThenAtMostOneLineASecond() {
        AtomicLong now = new AtomicLong();
        StringWriter err = new StringWriter();
        MigrationProgress progress = new MigrationProgress(new PrintWriter(err), now::get);
        progress.starting(MigrationType.VERSIONED, Version.parse("1"), "V1__a.sql", 1, 4);
        now.set(Duration.ofMillis(2500).toNanos());
        progress.starting(MigrationType.VERSIONED, Version.parse("2"), "V2__b.sql", 2, 4);
        now.set(Duration.ofMillis(2600).toNanos());
        progress.starting(MigrationType.VERSIONED, Version.parse("3"), "V3__c.sql", 3, 4);
        now.set(Duration.ofMillis(2700).toNanos());
        progress.starting(MigrationType.VERSIONED, Version.parse("4"), "V4__d.sql", 4, 4);
        assertThat(err.toString().lines()).containsExactly("[2/4] V2__b.sql", "[4/4] V4__d.sql");
    }
}
