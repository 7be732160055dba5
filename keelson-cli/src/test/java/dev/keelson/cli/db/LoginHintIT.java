package dev.keelson.cli.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A refused login names the settings to change, in text and in JSON, with exit code 1. */
class LoginHintIT {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(
            value = Engine.class,
            names = {"POSTGRESQL", "MARIADB"})
    void aRefusedLoginNamesTheFlagTheVariableAndTheProperty(Engine engine) throws Exception {
        try (TestDatabase db = TestDatabases.fresh(engine)) {
            Files.createDirectories(dir.resolve("db/migration"));
            // PostgreSQL here trusts every known role, so an unknown role is what it refuses; MariaDB a wrong password
            String user = engine == Engine.POSTGRESQL ? "keelson_no_such_role" : db.user();
            Cli cli = new Cli(Map.of(), dir);

            Cli.Run text = cli.run("db", "status", "--url", db.url(), "--user", user, "--password", "wrong-password");
            Cli.Run json = cli.run(
                    "db",
                    "status",
                    "--url",
                    db.url(),
                    "--user",
                    user,
                    "--password",
                    "wrong-password",
                    "--format",
                    "json");

            assertThat(text.exitCode()).isEqualTo(1);
            assertThat(text.err())
                    .startsWith("error [CONNECTION_FAILED]: Cannot connect to " + db.url())
                    .contains("(SQLState 28")
                    .endsWith(LoginHint.TEXT + "\n");
            assertThat(text.err().split(LoginHint.TEXT, -1)).hasSize(2);
            assertThat(json.exitCode()).isEqualTo(1);
            assertThat(json.out()).contains("\"code\" : \"CONNECTION_FAILED\"").contains("KEELSON_DB_PASSWORD");
            assertThat(text.err()).doesNotContain("wrong-password");
        }
    }
}
