package dev.keelson.migrate.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {
    private final Placeholders placeholders = new Placeholders(Map.of("schema", "app", "owner", "a$b\\c"));

    @Test
    void placeholdersAreReplacedWithTheirValuesAsWritten() {
        assertThat(placeholders.replace("V1__x.sql", "CREATE TABLE ${schema}.t; -- by ${owner}"))
                .isEqualTo("CREATE TABLE app.t; -- by a$b\\c");
    }

    @Test
    void textWithoutPlaceholdersIsUnchanged() {
        assertThat(placeholders.replace("V1__x.sql", "SELECT '$1', $$x$$;")).isEqualTo("SELECT '$1', $$x$$;");
    }

    @Test
    void flywayBuiltInsAreLeftAsWritten() {
        assertThat(placeholders.replace("V1__x.sql", "-- ${flyway:user}")).isEqualTo("-- ${flyway:user}");
    }

    @Test
    void anUnknownPlaceholderNamesTheFileAndLine() {
        assertThatThrownBy(() -> placeholders.replace("V2__y.sql", "SELECT 1;\n\nSELECT ${nope};"))
                .isInstanceOf(MigrationException.class)
                .hasMessageStartingWith("V2__y.sql line 3: placeholder ${nope} has no value")
                .satisfies(e ->
                        assertThat(((MigrationException) e).code()).isEqualTo(MigrationErrorCode.UNKNOWN_PLACEHOLDER));
    }
}
