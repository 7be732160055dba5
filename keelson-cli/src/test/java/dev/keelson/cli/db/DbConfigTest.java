package dev.keelson.cli.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.UsageException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keelson.properties, --config, flyway.conf and FLYWAY_* merged into one set of settings, in that order of weight. */
class DbConfigTest {
    @TempDir
    Path dir;

    private CliEnvironment environment(Map<String, String> env) {
        return new CliEnvironment(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), env, dir, false);
    }

    @Test
    void aMisspeltKeyIsAnErrorNamingTheNearestKnownKey() throws Exception {
        Files.writeString(dir.resolve("keelson.properties"), "db.url=jdbc:h2:mem:a\ndb.usr=app\n");
        assertThatThrownBy(() -> DbConfig.load(null, environment(Map.of())))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith(
                        "Unknown key 'db.usr' in " + dir.resolve("keelson.properties") + "; did you mean 'db.user'?");
        Files.writeString(dir.resolve("keelson.properties"), "lint.severty.missing-undo=off\n");
        assertThatThrownBy(() -> DbConfig.load(null, environment(Map.of())))
                .hasMessageContaining("did you mean 'lint.severity.NAME'?");
    }

    @Test
    void flywaySettingsAreReadBelowKeelsonsOwnAndConfigNamesAnotherFile() throws Exception {
        Files.writeString(
                dir.resolve("flyway.conf"),
                "flyway.url=jdbc:postgresql://db/conf\nflyway.user=conf\n"
                        + "flyway.locations=filesystem:sql/migrations,classpath:more\nflyway.placeholders.schema=app\n"
                        + "flyway.cleanDisabled=true\n");
        Files.writeString(dir.resolve("other.properties"), "db.user=own\n");
        CliEnvironment env =
                environment(Map.of("FLYWAY_URL", "jdbc:postgresql://db/env", "FLYWAY_PLACEHOLDERS_OWNER", "me"));

        var merged = DbConfig.load("other.properties", env);

        assertThat(merged.getProperty("db.url")).isEqualTo("jdbc:postgresql://db/env");
        assertThat(merged.getProperty("db.user")).isEqualTo("own");
        assertThat(merged.getProperty("db.dir")).isEqualTo("filesystem:sql/migrations");
        assertThat(merged.getProperty("db.placeholder.schema")).isEqualTo("app");
        assertThat(merged.getProperty("db.placeholder.owner")).isEqualTo("me");
        assertThat(merged.stringPropertyNames()).noneMatch(k -> k.contains("clean"));
        assertThatThrownBy(() -> DbConfig.load("missing.properties", env))
                .hasMessageStartingWith("--config missing.properties: no such file");
    }
}
