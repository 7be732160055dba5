package dev.keelson.migrate.internal.database.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lint's verdict on each column type change is PostgreSQL's: the change is run on a real table and the
 * table's {@code pg_class.relfilenode} compared before and after (a new file means the table was rewritten).
 */
class PgTypeChangeRulesIT {
    private static TestDatabase db;
    private static final AtomicInteger TABLES = new AtomicInteger();

    @BeforeAll
    static void database() {
        db = TestDatabases.fresh(Engine.POSTGRESQL);
    }

    @AfterAll
    static void drop() throws Exception {
        db.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "int | bigint",
                "bigint | int",
                "int | text",
                "int | integer",
                "integer | int4",
                "int4 | int8",
                "varchar(20) | varchar(40)",
                "varchar(40) | varchar(20)",
                "varchar(20) | varchar",
                "varchar(20) | text",
                "character varying(20) | varchar(30)",
                "text | varchar",
                "text | varchar(20)",
                "text | character varying",
                "varchar | text",
                "char(5) | char(10)",
                "char(5) | text",
                "char(5) | varchar(10)",
                "numeric(10,2) | numeric(12,2)",
                "numeric(10,2) | numeric(12,3)",
                "numeric(10,2) | numeric(8,2)",
                "numeric(10,2) | numeric",
                "numeric | numeric(10,2)",
                "decimal(10,2) | numeric(11,2)",
                "timestamp(3) | timestamp(6)",
                "timestamp(6) | timestamp(3)",
                "timestamp(3) | timestamp",
                "timestamp | timestamp(3)",
                "timestamp with time zone | timestamptz(3)",
                "timestamptz(3) | timestamptz",
                "time(2) | time(4)",
                "interval | interval",
                "cidr | inet",
                "xml | text",
                "xml | varchar",
                "bit(3) | varbit",
                "bit(3) | bit varying(5)",
                "varbit(3) | varbit(5)",
                "varbit(5) | varbit(3)",
                "json | jsonb",
                "jsonb | json",
                "float | double precision",
                "real | double precision",
                "smallint | int",
                "boolean | bool",
                "int[] | bigint[]",
                "text[] | text[]",
                "uuid | uuid",
                "date | timestamp"
            })
    void theLintSaysRewriteExactlyWhenPostgresqlRewritesTheTable(String from, String to) throws SQLException {
        String table = "t" + TABLES.incrementAndGet();
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (c " + from + ")");
            long before = relfilenode(s, table);
            s.execute("ALTER TABLE " + table + " ALTER COLUMN c TYPE " + to);
            boolean rewritten = relfilenode(s, table) != before;
            assertThat(PgTypeChange.rewrites(from, to))
                    .as("lint verdict for %s -> %s (server rewrote: %s)", from, to, rewritten)
                    .isEqualTo(rewritten);
        }
    }

    private static long relfilenode(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT relfilenode FROM pg_class WHERE relname = '" + table + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
