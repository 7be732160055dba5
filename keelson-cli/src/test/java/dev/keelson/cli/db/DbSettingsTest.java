package dev.keelson.cli.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.UsageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution order: flag, then environment, then keelson.properties, then defaults. */
class DbSettingsTest {
    @TempDir
    Path dir;

    private CliEnvironment environment(Map<String, String> env) {
        return new CliEnvironment(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), env, dir, false);
    }

    private void properties(String text) throws IOException {
        Files.writeString(dir.resolve("keelson.properties"), text);
    }

    @Test
    void aFlagWinsOverTheEnvironmentWhichWinsOverTheFile() throws IOException {
        properties("db.url=jdbc:h2:mem:file\ndb.user=fileuser\ndb.password=filepw\n");
        DbOptions options = new DbOptions();
        options.url = "jdbc:h2:mem:flag";
        DbSettings s = DbSettings.resolve(
                options, environment(Map.of("KEELSON_DB_URL", "jdbc:h2:mem:env", "KEELSON_DB_USER", "envuser")));
        assertThat(s.url()).isEqualTo("jdbc:h2:mem:flag");
        assertThat(s.user()).isEqualTo("envuser");
        assertThat(s.password()).isEqualTo("filepw");
    }

    @Test
    void theFileGivesEverySettingWhenNothingElseDoes() throws IOException {
        properties("""
                db.url=jdbc:h2:mem:file
                db.dir=sql/migrations
                db.placeholder.schema=app
                db.placeholder.owner=alice
                db.lock-timeout=30s
                db.table=my_history
                """);
        DbOptions options = new DbOptions();
        options.placeholders.put("owner", "bob");
        DbSettings s = DbSettings.resolve(options, environment(Map.of()));
        assertThat(s.url()).isEqualTo("jdbc:h2:mem:file");
        assertThat(s.location()).isEqualTo("filesystem:" + dir.resolve("sql/migrations"));
        assertThat(s.placeholders()).containsExactlyInAnyOrderEntriesOf(Map.of("schema", "app", "owner", "bob"));
        assertThat(s.lockTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.table()).isEqualTo("my_history");
    }

    @Test
    void theDefaultFolderIsDbMigrationUnderTheWorkingDirectoryAndClasspathPassesThrough() {
        DbOptions options = new DbOptions();
        options.url = "jdbc:h2:mem:x";
        assertThat(DbSettings.resolve(options, environment(Map.of())).location())
                .isEqualTo("filesystem:" + dir.resolve("db/migration"));
        options.dir = "classpath:db/migration";
        assertThat(DbSettings.resolve(options, environment(Map.of())).location())
                .isEqualTo("classpath:db/migration");
    }

    @Test
    void aBadLockTimeoutInTheFileNamesTheKey() throws IOException {
        properties("db.url=jdbc:h2:mem:x\ndb.lock-timeout=forever\n");
        assertThatThrownBy(() -> DbSettings.resolve(new DbOptions(), environment(Map.of())))
                .isInstanceOf(UsageException.class)
                .hasMessage(
                        "db.lock-timeout in keelson.properties: 'forever' is not a duration: use a number with ms, s, m or h, like 30s or 5m");
    }

    @Test
    void thePasswordIsNeverInTheTextOfTheSettings() {
        DbOptions options = new DbOptions();
        options.url = "jdbc:h2:mem:x";
        options.password = "s3cret";
        assertThat(DbSettings.resolve(options, environment(Map.of())).toString())
                .doesNotContain("s3cret");
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationConverter.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(DurationConverter.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationConverter.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DurationConverter.parse("PT2S")).isEqualTo(Duration.ofSeconds(2));
    }
}
