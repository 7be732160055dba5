package dev.keelson.migrate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.internal.history.History;
import dev.keelson.migrate.internal.history.HistoryRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The history reader over rows another tool (or a hand) may have written: every column value arbitrary. Each row
 * is read or refused with HISTORY_UNREADABLE naming the table and rank; the rows read answer every question the
 * engine asks of a history without failing.
 */
class HistoryReaderFuzzTest {
    private static final String[] TYPES = {
        "VERSIONED", "UNDO", "REPEATABLE", "BASELINE", "CHECKSUM_UPGRADE", "SQL", "DELETE", null
    };

    @FuzzTest(maxDuration = "15s")
    void readsOrRefusesEachRowAndAnswersEveryQuestion(FuzzedDataProvider data) {
        List<HistoryRow> rows = new ArrayList<>();
        int count = data.consumeInt(0, 12);
        for (int i = 0; i < count; i++) {
            int rank = data.consumeBoolean() ? i + 1 : data.consumeInt();
            try {
                rows.add(HistoryRow.fromColumns(
                        "h",
                        rank,
                        version(data),
                        data.consumeString(20),
                        data.consumeBoolean() ? data.pickValue(TYPES) : data.consumeString(12),
                        data.consumeString(30),
                        data.consumeBoolean() ? null : data.consumeString(50),
                        data.consumeString(10),
                        data.consumeBoolean() ? null : Instant.ofEpochSecond(data.consumeInt()),
                        data.consumeLong(),
                        data.consumeBoolean(),
                        data.consumeInt(),
                        data.consumeBoolean() ? null : data.consumeString(30),
                        data.consumeBoolean() ? null : "s1:" + data.consumeString(40)));
            } catch (MigrationException e) {
                assertThat(e.code()).isEqualTo(MigrationErrorCode.HISTORY_UNREADABLE);
                assertThat(e.getMessage()).startsWith("History table h, installed_rank " + rank + ": ");
            }
        }
        History history = History.of(rows);
        history.schemaVersion();
        history.failed();
        history.allFailedRows();
        history.appliedVersions();
        history.latestVersionRows();
        history.latestRepeatableRows();
        history.baseline();
        history.nextRank();
        Version probe = Version.parse(String.valueOf(data.consumeInt(0, 5)));
        history.isApplied(probe);
        history.isBelowBaseline(probe);
        history.appliedOutOfOrder(probe);
        history.latest(probe);
        rows.forEach(r -> {
            r.interrupted();
            r.statementCount();
        });
    }

    private static String version(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> null;
            case 1 -> String.valueOf(data.consumeInt(0, 9));
            case 2 -> data.consumeInt(0, 9) + "." + data.consumeInt(0, 9);
            default -> data.consumeString(12);
        };
    }
}
