package dev.keelson.migrate.internal.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rows another tool wrote: read when they make sense, refused naming the table and rank when they do not. */
class HistoryRowTest {
    private static HistoryRow row(String version, String type) {
        return HistoryRow.fromColumns(
                "keelson_schema_history",
                7,
                version,
                null,
                type,
                "V1__a.sql",
                null,
                null,
                Instant.EPOCH,
                0,
                true,
                1,
                null,
                null);
    }

    @Test
    void aVersionThatIsNoVersionIsRefusedNamingTheRow() {
        assertThatThrownBy(() -> row("1.0-beta", "VERSIONED"))
                .isInstanceOf(MigrationException.class)
                .satisfies(e ->
                        assertThat(((MigrationException) e).code()).isEqualTo(MigrationErrorCode.HISTORY_UNREADABLE))
                .hasMessageStartingWith("History table keelson_schema_history, installed_rank 7: version '1.0-beta'");
    }

    @Test
    void aVersionedEntryWithoutVersionIsRefusedAndAnUnknownOrMissingTypeIsAnAuditEntry() {
        assertThatThrownBy(() -> row(null, "VERSIONED")).hasMessageContaining("a VERSIONED entry without a version");
        assertThat(row("2", "SQL").type()).isEqualTo(EntryType.CHECKSUM_UPGRADE);
        assertThat(row("2", null).type()).isEqualTo(EntryType.CHECKSUM_UPGRADE);
        assertThat(row(null, "REPEATABLE").description()).isEmpty();
    }
}
