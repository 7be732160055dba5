package dev.keelson.migrate.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationType;
import dev.keelson.migrate.Version;
import org.junit.jupiter.api.Test;

class ScriptNameTest {
    @Test
    void versionedUndoAndRepeatableNamesAreParsed() {
        ScriptName v = ScriptName.parse("V1.2__add_orders_table.sql").orElseThrow();
        assertThat(v.type()).isEqualTo(MigrationType.VERSIONED);
        assertThat(v.version()).isEqualTo(Version.parse("1.2"));
        assertThat(v.description()).isEqualTo("add orders table");
        assertThat(ScriptName.parse("U20261121093000__x.sql").orElseThrow().type())
                .isEqualTo(MigrationType.UNDO);
        assertThat(ScriptName.parse("V1_2__x.sql").orElseThrow().version()).isEqualTo(Version.parse("1.2"));
        ScriptName r = ScriptName.parse("R__views.sql").orElseThrow();
        assertThat(r.type()).isEqualTo(MigrationType.REPEATABLE);
        assertThat(r.version()).isNull();
    }

    @Test
    void filesThatAreNotSqlAreIgnored() {
        assertThat(ScriptName.parse("README.md")).isEmpty();
        assertThat(ScriptName.parse("V1__x.sql.bak")).isEmpty();
    }

    @Test
    void aBadSqlFileNameSaysWhichFileAndWhy() {
        assertInvalid("V1_create.sql", "V1_create.sql: no '__' (two underscores)");
        assertInvalid("create.sql", "create.sql: a migration file name starts with V (versioned), U (undo) or R");
        assertInvalid("Vx__a.sql", "Vx__a.sql: 'x' is not a version");
        assertInvalid("V__a.sql", "V__a.sql: no version after 'V'");
        assertInvalid("V1__.sql", "V1__.sql: no description after '__'");
        assertInvalid("R1__x.sql", "R1__x.sql: a repeatable file is named R__<description>.sql");
    }

    private static void assertInvalid(String name, String message) {
        assertThatThrownBy(() -> ScriptName.parse(name))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith(message)
                .satisfies(e ->
                        assertThat(((MigrationException) e).code()).isEqualTo(MigrationErrorCode.INVALID_FILE_NAME));
    }
}
