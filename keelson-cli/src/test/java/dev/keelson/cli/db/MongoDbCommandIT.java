package dev.keelson.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.testing.MongoTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code keelson db} on a {@code mongodb://} URL, end to end and in-process: against mongo-java-server started here,
 * or the real {@code mongod} that {@code KEELSON_TEST_MONGODB_URL} names. This is the worked example of
 * docs/mongodb.md.
 */
class MongoDbCommandIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static MongoTestServer server;

    @TempDir
    Path dir;

    private String url;
    private Path migrations;

    @BeforeAll
    static void startServer() {
        server = MongoTestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void freshDatabase() throws IOException {
        url = server.freshDatabaseUrl();
        migrations = Files.createDirectories(dir.resolve("db/migration"));
    }

    private Cli.Run db(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", url));
        return new Cli(Map.of(), dir).run(all.toArray(String[]::new));
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(migrations.resolve(file), text);
    }

    @Test
    void theWorkedExampleRunsEndToEnd() throws Exception {
        Cli.Run created = new Cli(Map.of("KEELSON_DB_URL", url), dir).run("db", "new", "create", "users");
        assertThat(created.exitCode()).isZero();
        assertThat(created.out())
                .isEqualTo("Created db/migration/V1__create_users.json\nCreated db/migration/U1__create_users.json\n");
        assertThat(Files.readString(migrations.resolve("V1__create_users.json")))
                .startsWith("// V1__create_users.json: create users\n");
        Cli.Run template = db("db", "migrate"); // the template alone is an empty array: valid
        assertThat(template.err()).isEmpty();
        assertThat(template.exitCode()).isZero();

        Cli.Run next = new Cli(Map.of(), dir).run("db", "new", "email", "index");
        assertThat(next.out())
                .isEqualTo("Created db/migration/V2__email_index.json\nCreated db/migration/U2__email_index.json\n");
        write("V2__email_index.json", """
                [
                  {"create": "users", "validator": {"$jsonSchema": {"required": ["email"]}}},
                  {"createIndexes": "users", "indexes": [{"key": {"email": 1}, "name": "email_1", "unique": true}]}
                ]
                """);
        write("U2__email_index.json", """
                [ {"drop": "users"} ]
                """);

        Cli.Run dryRun = db("db", "migrate", "--dry-run");
        assertThat(dryRun.out()).isEqualTo("""
                // V2__email_index.json (version 2)
                {"create": "users", "validator": {"$jsonSchema": {"required": ["email"]}}}
                {"createIndexes": "users", "indexes": [{"key": {"email": 1}, "name": "email_1", "unique": true}]}

                -- Dry run: 1 migration would be applied, reaching schema version 2; nothing was changed.
                """);

        Cli.Run migrate = db("db", "migrate");
        assertThat(migrate.exitCode()).isZero();
        assertThat(DbCommandIT.stable(migrate.out())).isEqualTo("""
                Applied V2__email_index.json (<time>)
                Schema version 2 · 1 migration applied in <time>
                """);

        JsonNode status = JSON.readTree(db("db", "status", "--format", "json").out());
        assertThat(status.get("migrations").size()).isEqualTo(2);
        assertThat(status.get("migrations").get(1).get("state").asString()).isEqualTo("applied");
        assertThat(status.get("migrations").get(1).get("checksum").asString()).startsWith("j1:");
        assertThat(db("db", "validate").exitCode()).isZero();

        Cli.Run rollback = db("db", "rollback");
        assertThat(DbCommandIT.stable(rollback.out())).isEqualTo("""
                Undid version 2 with U2__email_index.json (<time>)
                Schema version 1 · 1 version rolled back in <time>
                """);
    }

    @Test
    void aFailureHasTheSqlErrorShapeNamingFileCommandAndServerMessage() throws Exception {
        write("V1__orders.json", """
                [
                  {"insert": "orders", "documents": [{"_id": 1}]},
                  {"insert": "orders", "documents": [{"_id": 1}]}
                ]
                """);

        Cli.Run text = db("db", "migrate");
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.err())
                .startsWith("error [MIGRATION_FAILED]: Migration V1__orders.json failed at command 2 of 2 (line 3,"
                        + " insert): E11000 duplicate key error");
        assertThat(text.err()).doesNotContain("Exception");

        Cli.Run json = db("db", "migrate", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(1);
        JsonNode error = JSON.readTree(json.out()).get("error");
        // migrate resumes at the failed command, which fails again
        assertThat(error.get("code").asString()).isEqualTo("MIGRATION_FAILED");
        assertThat(error.get("message").asString()).startsWith("Migration V1__orders.json failed at command 2 of 2");

        Cli.Run badUrl = new Cli(Map.of(), dir)
                .run("db", "status", "--url", server.withDatabase("").replaceAll("/$", ""));
        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.err()).startsWith("error [CONFIGURATION]: The MongoDB URL names no database");
    }

    @Test
    void lintAndMigrateShareTheMongoDbRulesAndTheSuppressionSyntax() throws Exception {
        write("V1__users.json", "[ {\"create\": \"users\"} ]\n");
        db("db", "migrate");
        write("V2__backfill.json", """
                [
                  {"update": "users", "updates": [{"q": {}, "u": {"$set": {"plan": "free"}}, "multi": true}]}
                ]
                """);

        Cli.Run lint = db("db", "lint");
        assertThat(lint.exitCode()).isEqualTo(1);
        assertThat(lint.out()).contains("V2__backfill.json:2").contains("mongo-write-without-filter");
        Cli.Run refused = db("db", "migrate");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("LINT_FAILED");

        write("V2__backfill.json", """
                [
                  // keelson:lint-ignore mongo-write-without-filter every user starts on the free plan
                  {"update": "users", "updates": [{"q": {}, "u": {"$set": {"plan": "free"}}, "multi": true}]}
                ]
                """);
        assertThat(db("db", "lint").exitCode()).isZero();
        assertThat(db("db", "migrate").exitCode()).isZero();
        assertThat(db("db", "baseline", "--version", "5").err()).startsWith("error [BASELINE_REFUSED]");
    }
}
