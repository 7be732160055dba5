package dev.keelson.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.keelson.migrate.testing.MongoTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keelson db} on MongoDB, end to end through {@link Migrator}: against the in-memory mongo-java-server
 * started here, or the real {@code mongod} that {@code KEELSON_TEST_MONGODB_URL} names. Each test has a database
 * of its own.
 */
class MongoMigrationIT {
    private static MongoTestServer server;

    @TempDir
    Path dir;

    private String url;
    private MongoDatabase db;

    @BeforeAll
    static void startServer() {
        server = MongoTestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void freshDatabase() {
        url = server.freshDatabaseUrl();
        db = server.database(url);
    }

    private Migrator migrator() {
        return Migrator.configure().url(url).location(dir.toString()).build();
    }

    private void file(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private void usersAndIndex() throws IOException {
        file("V1__create_users.json", """
                // users, with a validator
                [
                  {"create": "users", "validator": {"$jsonSchema": {"bsonType": "object", "required": ["email"]}}},
                  {"insert": "users", "documents": [{"_id": 1, "email": "a@example.com"}]}
                ]
                """);
        file("U1__create_users.json", """
                [ {"drop": "users"} ]
                """);
        file("V2__email_index.json", """
                [
                  {"createIndexes": "users", "indexes": [{"key": {"email": 1}, "name": "email_1", "unique": true}]},
                  // keelson:lint-ignore mongo-write-without-filter every user gets the flag, once
                  {"update": "users", "updates": [{"q": {}, "u": {"$set": {"active": true}}, "multi": true}]}
                ]
                """);
        file("U2__email_index.json", """
                [
                  {"dropIndexes": "users", "index": "email_1"},
                  {"update": "users", "updates": [{"q": {"active": true}, "u": {"$unset": {"active": ""}}, "multi": true}]}
                ]
                """);
    }

    private List<String> indexNames() {
        return db.getCollection("users")
                .listIndexes()
                .map(d -> d.getString("name"))
                .into(new ArrayList<>());
    }

    private List<Document> history() {
        return db.getCollection("keelson_schema_history").find().into(new ArrayList<>());
    }

    @Test
    void migrateAppliesTheFilesInOrderAndRecordsThemInTheHistoryCollection() throws IOException {
        usersAndIndex();

        MigrateResult result = migrator().migrate(MigrateOptions.latest());

        assertThat(result.migrations())
                .extracting(ExecutedMigration::script)
                .containsExactly("V1__create_users.json", "V2__email_index.json");
        assertThat(result.schemaVersion()).contains(Version.parse("2"));
        assertThat(indexNames()).contains("email_1");
        assertThat(db.getCollection("users").find(Filters.eq("_id", 1)).first().getBoolean("active"))
                .isTrue();
        assertThat(history())
                .extracting(d -> d.getString("script") + " " + d.getBoolean("success"))
                .containsExactly("V1__create_users.json true", "V2__email_index.json true");
        assertThat(history())
                .allSatisfy(d -> assertThat(d.getString("checksum")).startsWith("j1:"));
        assertThat(migrator().status().migrations())
                .extracting(MigrationInfo::state)
                .containsExactly(MigrationState.APPLIED, MigrationState.APPLIED);
        assertThat(migrator().migrate(MigrateOptions.latest()).migrations()).isEmpty();
        assertThat(db.getCollection("keelson_schema_history_lock").countDocuments())
                .isZero();
    }

    @Test
    void dryRunPrintsTheExactCommandsAndChangesNothing() throws IOException {
        usersAndIndex();

        MigrateResult result = migrator().migrate(MigrateOptions.latest().withDryRun(true));

        assertThat(result.dryRun()).isTrue();
        assertThat(result.migrations().getFirst().statements())
                .containsExactly(
                        "{\"create\": \"users\", \"validator\": {\"$jsonSchema\": {\"bsonType\": \"object\", \"required\":"
                                + " [\"email\"]}}}",
                        "{\"insert\": \"users\", \"documents\": [{\"_id\": 1, \"email\": \"a@example.com\"}]}");
        assertThat(db.listCollectionNames().into(new ArrayList<>())).isEmpty();
    }

    @Test
    void targetStopsAtTheVersionAndRollbackRunsTheUndoFiles() throws IOException {
        usersAndIndex();
        migrator().migrate(MigrateOptions.latest().withTarget(Version.parse("1")));
        assertThat(indexNames()).doesNotContain("email_1");
        migrator().migrate(MigrateOptions.latest());

        RollbackResult back = migrator().rollback(RollbackOptions.steps(1));

        assertThat(back.undone()).extracting(ExecutedMigration::script).containsExactly("U2__email_index.json");
        assertThat(back.schemaVersion()).contains(Version.parse("1"));
        assertThat(indexNames()).doesNotContain("email_1");
        assertThat(migrator().status().migrations())
                .extracting(MigrationInfo::state)
                .containsExactly(MigrationState.APPLIED, MigrationState.PENDING);
        migrator().rollback(RollbackOptions.all());
        assertThat(db.listCollectionNames().into(new ArrayList<>())).doesNotContain("users");
        assertThat(migrator().migrate(MigrateOptions.latest()).migrations()).hasSize(2);
    }

    @Test
    void aFailedCommandNamesFileCommandAndServerMessageAndMigrateResumesThereAfterTheFix() throws IOException {
        file("V1__create.json", """
                [ {"create": "orders"} ]
                """);
        file("V2__fill.json", """
                [
                  {"insert": "orders", "documents": [{"_id": 1}]},
                  {"createIndexes": "orders", "indexes": [{"key": {"n": 1}, "name": "n_1"}]},
                  {"insert": "orders", "documents": [{"_id": 1}]},
                  {"insert": "orders", "documents": [{"_id": 3}]}
                ]
                """);

        assertThatThrownBy(() -> migrator().migrate(MigrateOptions.latest()))
                .isInstanceOfSatisfying(MigrationException.class, e -> {
                    assertThat(e.code()).isEqualTo(MigrationErrorCode.MIGRATION_FAILED);
                    assertThat(e.completed())
                            .extracting(ExecutedMigration::script)
                            .containsExactly("V1__create.json");
                })
                .hasMessageStartingWith("Migration V2__fill.json failed at command 3 of 4 (line 4, insert): ")
                .hasMessageContaining("duplicate key")
                .hasMessageContaining("Commands 1 to 2 ran and stay applied")
                .hasMessageContaining("resumes at command 3");
        MigrationInfo failed = migrator().status().migrations().get(1);
        assertThat(failed.state()).isEqualTo(MigrationState.FAILED);
        assertThat(failed.failure()).startsWith("failed at command 3 of 4: command 3 (line 4, insert): ");

        file("V2__fill.json", """
                [
                  {"insert": "orders", "documents": [{"_id": 1}]},
                  {"createIndexes": "orders", "indexes": [{"key": {"n": 1}, "name": "n_1"}]},
                  // fixed: the second order has its own id
                  {"insert": "orders", "documents": [{"_id": 2}]},
                  {"insert": "orders", "documents": [{"_id": 3}]}
                ]
                """);
        MigrateResult resumed = migrator().migrate(MigrateOptions.latest());

        assertThat(resumed.migrations().getFirst().statements()).hasSize(2);
        assertThat(db.getCollection("orders")
                        .find()
                        .map(d -> d.getInteger("_id"))
                        .into(new ArrayList<>()))
                .containsExactlyInAnyOrder(1, 2, 3);
        assertThat(migrator().validate().valid()).isTrue();
    }

    @Test
    void validateIgnoresWhiteSpaceAndCommentsButNotACommandChangeAndRepairRealigns() throws IOException {
        usersAndIndex();
        migrator().migrate(MigrateOptions.latest());
        String v1 = Files.readString(dir.resolve("V1__create_users.json"));

        file(
                "V1__create_users.json",
                "// reformatted\r\n" + v1.replace("\n", "\r\n  ").replace(": ", ":"));
        assertThat(migrator().validate().valid()).isTrue();

        file("V1__create_users.json", v1.replace("a@example.com", "b@example.com"));
        ValidationResult changed = migrator().validate();
        assertThat(changed.problems()).extracting(ValidationProblem::state).containsExactly(MigrationState.CHANGED);
        assertThatThrownBy(() -> migrator().migrate(MigrateOptions.latest()))
                .isInstanceOfSatisfying(
                        MigrationException.class,
                        e -> assertThat(e.code()).isEqualTo(MigrationErrorCode.VALIDATION_FAILED));

        assertThat(migrator().repair().realignedChecksums()).containsExactly("V1__create_users.json");
        assertThat(migrator().validate().valid()).isTrue();

        Files.delete(dir.resolve("U2__email_index.json"));
        Files.delete(dir.resolve("V2__email_index.json"));
        assertThat(migrator().validate().problems())
                .extracting(ValidationProblem::state)
                .containsExactly(MigrationState.MISSING_FILE);
        assertThat(migrator().repair().removedMissing()).containsExactly("V2__email_index.json");
        assertThat(migrator().validate().valid()).isTrue();
    }

    @Test
    void baselineAdoptsAnExistingDatabaseOnce() throws IOException {
        usersAndIndex();
        migrator().baseline(Version.parse("1"), "adopted");

        assertThat(migrator().migrate(MigrateOptions.latest()).migrations())
                .extracting(ExecutedMigration::script)
                .containsExactly("V2__email_index.json");
        assertThat(migrator().status().migrations())
                .extracting(MigrationInfo::state)
                .containsExactly(MigrationState.BASELINE, MigrationState.BASELINE, MigrationState.APPLIED);
        assertThatThrownBy(() -> migrator().baseline(Version.parse("3"), null))
                .isInstanceOfSatisfying(
                        MigrationException.class,
                        e -> assertThat(e.code()).isEqualTo(MigrationErrorCode.BASELINE_REFUSED));
    }

    @Test
    void theLintStopsAnUnfilteredDeleteBeforeAnythingRuns() throws IOException {
        usersAndIndex();
        migrator().migrate(MigrateOptions.latest());
        file("V3__purge.json", """
                [
                  {"insert": "users", "documents": [{"_id": 9, "email": "z@example.com"}]},
                  {"delete": "users", "deletes": [{"q": {}, "limit": 0}]}
                ]
                """);

        assertThatThrownBy(() -> migrator().migrate(MigrateOptions.latest()))
                .isInstanceOfSatisfying(
                        LintFailedException.class,
                        e -> assertThat(e.report().findings())
                                .extracting(f -> f.file() + ":" + f.line() + " " + f.rule())
                                .containsExactly("V3__purge.json:3 mongo-write-without-filter"));
        assertThat(db.getCollection("users").countDocuments(Filters.eq("_id", 9)))
                .isZero();
    }

    @Test
    void aBrokenFileIsRefusedNamingFileAndLine() throws IOException {
        file("V1__bad.json", """
                [
                  {"create": "a"},
                  {"insert": "a", "documents": [{"x": 1}]
                ]
                """);

        assertThatThrownBy(() -> migrator().migrate(MigrateOptions.latest()))
                .isInstanceOfSatisfying(
                        MigrationException.class,
                        e -> assertThat(e.code()).isEqualTo(MigrationErrorCode.JSON_PARSE_ERROR))
                .hasMessageStartingWith("V1__bad.json line 3: ");
    }

    @Test
    void concurrentMigratorsInSeparateProcessesApplyEachFileOnce() throws Exception {
        for (int v = 1; v <= 4; v++) {
            file(
                    "V" + v + "__step.json",
                    "["
                            + IntStream.range(0, 50)
                                    .mapToObj(
                                            i -> "{\"insert\": \"c\", \"documents\": [{\"_id\": " + i + ", \"v\": 0}]}")
                                    .collect(Collectors.joining(",\n"))
                                    .replace("\"v\": 0", "\"v\": VERSION")
                                    .replace("\"_id\": ", "\"_id\": VERSION")
                                    .replace("VERSION", String.valueOf(v))
                            + "]");
        }
        List<ChildMigrator> children = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            children.add(ChildMigrator.start(url, "", "", dir));
        }
        int applied = 0;
        for (ChildMigrator child : children) {
            try (child) {
                applied += Integer.parseInt(child.finish().substring("applied=".length()));
            }
        }

        assertThat(applied).isEqualTo(4);
        assertThat(db.getCollection("c").countDocuments()).isEqualTo(200);
        assertThat(history()).extracting(d -> d.getString("version")).containsExactly("1", "2", "3", "4");
    }

    /** Waits until the history says {@code version}'s file ran {@code commands} commands. */
    private void awaitProgress(String version, int commands) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            Document row = db.getCollection("keelson_schema_history")
                    .find(Filters.eq("version", version))
                    .first();
            if (row != null && row.getInteger("statements_applied") >= commands) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("version " + version + " never ran " + commands + " commands: " + history());
    }

    @Test
    void aKilledMigratorLeavesNoStaleLockAndItsInterruptedFileIsResumedWhereTheHistorySays() throws Exception {
        file("V1__create.json", """
                [ {"create": "big"} ]
                """);
        // an index on the existing collection first: no transaction fits it, so progress is recorded per command
        file(
                "V2__fill.json",
                "[{\"createIndexes\": \"big\", \"indexes\": [{\"key\": {\"n\": 1}, \"name\": \"n_1\"}]},\n"
                        + IntStream.range(0, 3000)
                                .mapToObj(i -> "{\"insert\": \"big\", \"documents\": [{\"_id\": " + i + "}]}")
                                .collect(Collectors.joining(",\n"))
                        + "]");
        try (ChildMigrator child = ChildMigrator.start(url, "", "", dir, "1000")) {
            child.await("starting V2__fill.json", Duration.ofSeconds(60));
            awaitProgress("2", 10);
            child.kill();
        }
        assertThat(db.getCollection("keelson_schema_history_lock").countDocuments())
                .isEqualTo(1);
        Migrator next = Migrator.configure()
                .url(url)
                .location(dir.toString())
                .lockStaleAfter(Duration.ofSeconds(1))
                .lockTimeout(Duration.ofSeconds(20))
                .build();

        MigrationException refused = (MigrationException)
                org.assertj.core.api.Assertions.catchThrowable(() -> next.migrate(MigrateOptions.latest()));

        assertThat(refused.code()).isEqualTo(MigrationErrorCode.FAILED_MIGRATION_PRESENT);
        assertThat(refused).hasMessageContaining("V2__fill.json was interrupted at command ");
        Document row = db.getCollection("keelson_schema_history")
                .find(Filters.eq("version", "2"))
                .first();
        int ran = row.getInteger("statements_applied");
        assertThat(ran).isBetween(1, 3000);
        // command ran+1 inserts _id ran-1 (the first command is the index): did it take effect before the kill?
        boolean tookEffect = db.getCollection("big").countDocuments(Filters.eq("_id", ran - 1)) == 1;
        next.repair(RepairOptions.resumeAt("V2__fill.json", ran + (tookEffect ? 2 : 1)));
        next.migrate(MigrateOptions.latest());

        assertThat(db.getCollection("big").countDocuments()).isEqualTo(3000);
        assertThat(next.validate().valid()).isTrue();
        assertThat(db.getCollection("keelson_schema_history_lock").countDocuments())
                .isZero();
    }
}
