package dev.keelson.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Locations are typed and checked once, when the configuration is made, not when a command first reads them. */
class MigrationLocationTest {
    @Test
    void aLocationIsParsedIntoItsTypeAndBackToItsTextForm() {
        assertThat(MigrationLocation.parse("db/migration"))
                .isEqualTo(MigrationLocation.folder(Path.of("db/migration")));
        assertThat(MigrationLocation.parse("classpath:/db/migration/")).hasToString("classpath:db/migration");
        assertThat(MigrationLocation.classpath("db/migration")).isInstanceOf(MigrationLocation.Classpath.class);
    }

    @Test
    void aBadLocationFailsAtLoadNamingIt() {
        assertThatThrownBy(() -> Migrator.configure()
                        .url("jdbc:h2:mem:x")
                        .location("s3:bucket/db")
                        .build())
                .isInstanceOf(MigrationException.class)
                .satisfies(e -> assertThat(((MigrationException) e).code()).isEqualTo(MigrationErrorCode.CONFIGURATION))
                .hasMessageContaining("'s3:bucket/db' has an unknown prefix");
        assertThatThrownBy(() -> Migrator.configure()
                        .url("jdbc:h2:mem:x")
                        .location("classpath:")
                        .build())
                .hasMessageContaining("classpath:db/migration");
        Migrator typed = Migrator.configure()
                .url("jdbc:h2:mem:x")
                .location(MigrationLocation.folder(Path.of("db/migration")))
                .build();
        assertThat(typed.config().migrationLocations())
                .containsExactly(MigrationLocation.folder(Path.of("db/migration")));
    }
}
