package dev.keelson.migrate.internal.database.mongodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationType;
import dev.keelson.migrate.internal.resolve.Placeholders;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandFileTest {
    private static final String FILE = """
            // V3: an index and a backfill
            [
              /* the index */
              {"createIndexes": "users",
               "indexes": [{"key": {"email": 1}, "name": "email_1", "unique": true}]},
              {"update": "users", "updates": [{"q": {"plan": {"$exists": false}}, "u": {"$set": {"plan": "${plan}"}}}]}
            ]
            """;

    private static CommandFile read(String name, String text) {
        return CommandFile.read(name, "db/" + name, text, new Placeholders(Map.of("plan", "free")))
                .orElseThrow();
    }

    @Test
    void readsTheCommandsWithTheirLinesAndPlaceholdersReplaced() {
        CommandFile file = read("V3__index_and_backfill.json", FILE);

        assertThat(file.type()).isEqualTo(MigrationType.VERSIONED);
        assertThat(file.description()).isEqualTo("index and backfill");
        assertThat(file.commands())
                .extracting(Command::position, Command::line, Command::endLine, Command::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 4, 5, "createIndexes"),
                        org.assertj.core.groups.Tuple.tuple(2, 6, 6, "update"));
        assertThat(file.commands().get(1).json()).contains("\"$set\": {\"plan\": \"free\"}");
    }

    @Test
    void theChecksumIgnoresWhiteSpaceCommentsAndLineEndingsButNotValuesTypesOrOrder() {
        String checksum = read("V3__x.json", FILE).checksum();

        assertThat(checksum).startsWith("j1:").hasSize(3 + 64);
        assertThat(read("V3__x.json", FILE.replace("\n", "\r\n").replace("// V3", "// edited"))
                        .checksum())
                .isEqualTo(checksum);
        assertThat(read("V3__x.json", FILE.replace("\"unique\": true", "\"unique\":true"))
                        .checksum())
                .isEqualTo(checksum);
        assertThat(read("V3__x.json", FILE.replace("\"unique\": true", "\"unique\": false"))
                        .checksum())
                .isNotEqualTo(checksum);
        assertThat(read("V3__x.json", FILE.replace("{\"email\": 1}", "{\"email\": 1.0}"))
                        .checksum())
                .isNotEqualTo(checksum);
        assertThat(read(
                                "V3__x.json",
                                FILE.replace(
                                        "\"key\": {\"email\": 1}, \"name\": \"email_1\"",
                                        "\"name\": \"email_1\", \"key\": {\"email\": 1}"))
                        .checksum())
                .isNotEqualTo(checksum);
    }

    @Test
    void aPlaceholderDoesNotChangeTheChecksum() {
        CommandFile free = read("V3__x.json", FILE);
        CommandFile paid = CommandFile.read("V3__x.json", "x", FILE, new Placeholders(Map.of("plan", "paid")))
                .orElseThrow();

        assertThat(paid.checksum()).isEqualTo(free.checksum());
        assertThat(paid.hashes()).isNotEqualTo(free.hashes());
    }

    @Test
    void brokenFilesAreRefusedNamingFileAndLine() {
        assertThatThrownBy(() -> read("V1__x.json", "{\"create\": \"a\"}"))
                .hasMessage("V1__x.json line 1: a migration file is a JSON array of commands, [ {...}, {...} ]; it must"
                        + " start with [");
        assertThatThrownBy(() -> read("V1__x.json", "[\n{\"create\": \"a\"}\n{\"create\": \"b\"}]"))
                .hasMessage("V1__x.json line 3: expected , or ] after command 1");
        assertThatThrownBy(() -> read("V1__x.json", "[\n  {\"create\": \"a\"},\n  {\"create\": \"b\", x}\n]"))
                .hasMessageStartingWith("V1__x.json line 3: command 2 is not a valid JSON document: ");
        assertThatThrownBy(() -> read("V1__x.json", "[\n  {\"create\": \"a\"},\n  {}\n]"))
                .hasMessageStartingWith("V1__x.json line 3: command 2 is an empty document");
        assertThatThrownBy(() -> read("V1__x.json", "[\n  {\"create\": \"a\"\n"))
                .hasMessage("V1__x.json line 2: the command starting here has no closing }");
        assertThatThrownBy(() -> read("V1__x.json", "[ 1 ]"))
                .isInstanceOfSatisfying(
                        MigrationException.class,
                        e -> assertThat(e.code()).isEqualTo(MigrationErrorCode.JSON_PARSE_ERROR))
                .hasMessage("V1__x.json line 1: each element of the array is a command document {...}");
    }

    @Test
    void namesFollowTheSqlRulesWithJson() {
        assertThat(read("U2_1__drop_users.json", "[]").version()).hasToString("2.1");
        assertThat(CommandFile.read("README.md", "x", "# hi", null)).isEmpty();
        assertThatThrownBy(() -> read("V2_drop.json", "[]"))
                .isInstanceOfSatisfying(
                        MigrationException.class,
                        e -> assertThat(e.code()).isEqualTo(MigrationErrorCode.INVALID_FILE_NAME))
                .hasMessageContaining("named V<version>__<description>.json");
        assertThatThrownBy(() -> read("V2__drop.sql", "DROP TABLE x;")).hasMessageContaining("a SQL file in a MongoDB");
    }
}
