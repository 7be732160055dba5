package dev.keelson.migrate.internal.database.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.internal.lint.ServerVersion;
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
 * The lint's verdict on each column type change is the server's: {@code ALTER TABLE ... MODIFY ...,
 * ALGORITHM=INPLACE, LOCK=NONE} is accepted exactly when the lint says the change does not copy the table (INSTANT
 * and INPLACE both keep writes going; COPY blocks them).
 */
class MysqlTableCopyRulesIT {
    private static TestDatabase db;
    private static ServerVersion server;
    private static final AtomicInteger TABLES = new AtomicInteger();

    @BeforeAll
    static void database() throws SQLException {
        db = TestDatabases.fresh(Engine.MARIADB);
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            server = ServerVersion.parse(rs.getString(1));
        }
    }

    @AfterAll
    static void drop() throws Exception {
        db.close();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "varchar(10) | varchar(20)",
                "varchar(20) | varchar(10)",
                "varchar(60) | varchar(70)",
                "varchar(100) | varchar(200)",
                "int | bigint",
                "bigint | int",
                "int | int unsigned",
                "int | varchar(20)",
                "varchar(10) | text",
                "text | mediumtext",
                "char(5) | char(10)",
                "enum('a','b') | enum('a','b','c')",
                "enum('a','b') | enum('b','a')",
                "decimal(10,2) | decimal(12,2)",
                "datetime | datetime(3)",
                "tinyint | smallint",
                "varchar(20) | varchar(20)"
            })
    void theLintSaysCopyExactlyWhenTheServerRefusesAnInPlaceChange(String from, String to) throws SQLException {
        String table = "t" + TABLES.incrementAndGet();
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, c " + from + ") ENGINE=InnoDB"
                    + " DEFAULT CHARSET=utf8mb4");
            s.execute("INSERT INTO " + table + " (id) VALUES (1)");
            boolean inPlace;
            try {
                s.execute("ALTER TABLE " + table + " MODIFY c " + to + ", ALGORITHM=INPLACE, LOCK=NONE");
                inPlace = true;
            } catch (SQLException refused) {
                inPlace = false;
            }
            assertThat(MysqlTableCopy.typeChangeCopy("c", from, to, server).isEmpty())
                    .as("lint verdict for %s -> %s on %s (server did it in place: %s)", from, to, server, inPlace)
                    .isEqualTo(inPlace);
        }
    }
}
