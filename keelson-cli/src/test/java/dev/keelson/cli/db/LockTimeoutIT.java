package dev.keelson.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.cli.ExitCode;
import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code keelson db migrate --lock-timeout} while another migrator holds the lock: exit 1, code
 * {@code LOCK_TIMEOUT}, a message naming the holder, and nothing applied.
 */
class LockTimeoutIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB", "SQLITE"})
    void anExpiredLockTimeoutExitsWithOneNamingTheHolder(Engine engine) throws Exception {
        try (TestDatabase db = TestDatabases.fresh(engine);
                Connection holder = db.connect()) {
            Path migrations = Files.createDirectories(dir.resolve("db/migration"));
            Files.writeString(migrations.resolve("V1__one.sql"), "CREATE TABLE t1 (id INT);\n");
            String expected = holdLock(engine, holder);

            Cli.Run run = migrate(db, "--lock-timeout", "1s");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FAILED);
            assertThat(run.err())
                    .contains("error [LOCK_TIMEOUT]: Gave up waiting for the migration lock")
                    .contains("after 1 s; it is held by")
                    .contains(expected)
                    .contains("raise the lock timeout");
            assertThat(run.out()).isEmpty();
            Cli.Run json = migrate(db, "--lock-timeout", "500ms", "--format", "json");
            assertThat(json.exitCode()).isEqualTo(ExitCode.FAILED);
            JsonNode error = JsonMapper.builder().build().readTree(json.out()).get("error");
            assertThat(error.get("code").asString()).isEqualTo("LOCK_TIMEOUT");
            assertThat(error.get("message").asString()).contains(expected);
        }
    }

    /** Takes the migration lock as another migrator would; returns what the message must say about it. */
    private static String holdLock(Engine engine, Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            switch (engine) {
                case POSTGRESQL -> {
                    s.execute("SET application_name = 'deploy-42'");
                    s.execute("SELECT pg_advisory_lock(1262830924, "
                            + ("keelson_schema_history".hashCode() & 0x7fffffff) + ")");
                    return "application 'deploy-42', client 127.0.0.1";
                }
                case MARIADB -> {
                    s.execute("SELECT GET_LOCK(CONCAT('keelson:', DATABASE(), '.keelson_schema_history'), 0)");
                    return "(root@127.0.0.1:";
                }
                default -> {
                    s.execute("CREATE TABLE keelson_schema_history_lock (id INTEGER NOT NULL PRIMARY KEY, "
                            + "owner VARCHAR(200) NOT NULL, heartbeat_at BIGINT NOT NULL)");
                    s.execute("INSERT INTO keelson_schema_history_lock VALUES (1, '4242@deploy-host/abcd1234', "
                            + System.currentTimeMillis() + ")");
                    return "migrator 4242@deploy-host/abcd1234 (last heartbeat";
                }
            }
        }
    }

    private Cli.Run migrate(TestDatabase db, String... extra) {
        List<String> args = new ArrayList<>(List.of("db", "migrate", "--url", db.url()));
        if (db.user() != null) {
            args.addAll(List.of("--user", db.user()));
        }
        args.addAll(List.of(extra));
        return new Cli(Map.of(), dir).run(args.toArray(String[]::new));
    }
}
