package dev.keelson.reference.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.ServiceTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keyset pages over a sort field that may be NULL and repeats values: paging through a table page by page, following
 * each page's encoded cursor, yields every live row once, in the order one ORDER BY over the whole table gives.
 */
class KeysetQueryIT extends ServiceTest {
    private static final String TABLE =
            "keyset_probe_" + UUID.randomUUID().toString().replace("-", "");

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private CursorCodec cursors;

    private record Row(UUID id, Integer rank, Instant createdAt) {}

    /** PostgreSQL's order of uuids: byte by byte, unsigned (Java's {@link UUID#compareTo} compares signed longs). */
    private static final Comparator<Row> UUID_ORDER = Comparator.comparing(r -> r.id().toString());

    private final Sorts<Row> sorts =
            Sorts.of(TABLE, Row::id, Row::createdAt).and("rank", "rank", "integer", true, Row::rank);

    @BeforeEach
    void createTable() {
        jdbc.sql("CREATE TABLE " + TABLE + " (id uuid PRIMARY KEY, rank integer, created_at timestamptz NOT NULL, "
                        + "deleted_at timestamptz)")
                .update();
        Integer[] ranks = {3, 1, null, 2, null, 2, 1, 3, null, 0};
        for (int i = 0; i < ranks.length; i++) {
            jdbc.sql("INSERT INTO " + TABLE + " VALUES (?, ?, now() - make_interval(secs => ?), ?)")
                    .params(UUID.randomUUID(), ranks[i], i % 3, i == 7 ? java.sql.Timestamp.from(Instant.EPOCH) : null)
                    .update();
        }
    }

    @AfterEach
    void dropTable() {
        jdbc.sql("DROP TABLE " + TABLE).update();
    }

    private List<Row> all() {
        return jdbc.sql("SELECT id, rank, created_at FROM " + TABLE + " WHERE deleted_at IS NULL")
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        (Integer) rs.getObject("rank"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private List<UUID> paged(String sortText, int limit) {
        Sort<Row> sort = sorts.parse(sortText);
        List<UUID> seen = new ArrayList<>();
        String next = null;
        do {
            Cursor after = sort.after(next, cursors);
            List<Row> fetched = KeysetQuery.select("id, rank, created_at", TABLE)
                    .sorted(sort, after)
                    .fetch(
                            jdbc,
                            limit,
                            (rs, n) -> new Row(
                                    rs.getObject("id", UUID.class),
                                    (Integer) rs.getObject("rank"),
                                    rs.getTimestamp("created_at").toInstant()));
            Page<Row> page = Page.of(fetched, limit, sort::position, cursors);
            page.items().forEach(r -> seen.add(r.id()));
            next = page.nextCursor();
        } while (next != null);
        return seen;
    }

    @Test
    void ascendingPagesPutNullsLastAndBreakTiesById() {
        Comparator<Row> order = Comparator.comparing(Row::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(UUID_ORDER);
        List<UUID> expected = all().stream().sorted(order).map(Row::id).toList();

        for (int limit : new int[] {1, 2, 3, 20}) {
            assertThat(paged("rank", limit)).as("limit " + limit).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void descendingPagesPutNullsFirstAndBreakTiesById() {
        Comparator<Row> order = Comparator.comparing(Row::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(UUID_ORDER)
                .reversed();
        List<UUID> expected = all().stream().sorted(order).map(Row::id).toList();

        for (int limit : new int[] {1, 2, 3, 20}) {
            assertThat(paged("-rank", limit)).as("limit " + limit).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theDefaultSortIsNewestFirstAndSkipsDeletedRows() {
        Comparator<Row> order =
                Comparator.comparing(Row::createdAt).thenComparing(UUID_ORDER).reversed();
        List<UUID> expected = all().stream().sorted(order).map(Row::id).toList();

        assertThat(expected).hasSize(9);
        assertThat(paged(null, 2)).containsExactlyElementsOf(expected);
    }
}
