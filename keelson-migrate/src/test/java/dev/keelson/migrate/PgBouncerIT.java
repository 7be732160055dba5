package dev.keelson.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.PgBouncer;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations through a real PgBouncer in transaction pooling mode, where each transaction may run on another server
 * connection: session state, a session advisory lock among it, leaks to whichever client gets that connection next
 * (flyway#2895). Keelson must apply each migration once with concurrent migrators, leave no lock behind, and say that
 * it detected the pooler.
 */
@Timeout(180)
class PgBouncerIT {
    @TempDir
    Path dir;

    private TestDatabase db;
    private PgBouncer bouncer;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabases.fresh(Engine.POSTGRESQL);
        bouncer = PgBouncer.start(db);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (bouncer != null) {
                bouncer.close();
            }
        } finally {
            db.close();
        }
    }

    private void write(String name, String content) throws Exception {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("db").resolve(name), content);
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void concurrentMigratorsBehindPgBouncerApplyEachMigrationOnceAndLeaveNoLockBehind() throws Exception {
        write("V1__counter.sql", "CREATE TABLE counter (n INT PRIMARY KEY, note TEXT);");
        write("V2__index.sql", "-- keelson:no-transaction\nCREATE INDEX CONCURRENTLY counter_note ON counter (note);");
        for (int i = 3; i <= 12; i++) {
            write("V" + i + "__insert_" + i + ".sql", "INSERT INTO counter VALUES (" + i + ", 'n');");
        }
        write("V13__vacuum.sql", "-- keelson:no-transaction\nVACUUM counter;\nINSERT INTO counter VALUES (13, 'n');");
        List<ChildMigrator> children = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                children.add(ChildMigrator.start(bouncer.database(), dir.resolve("db")));
            }
            for (ChildMigrator child : children) {
                outputs.add(child.finish());
            }
        } finally {
            for (ChildMigrator child : children) {
                child.close();
            }
        }
        assertThat(outputs.stream()
                        .mapToInt(o -> Integer.parseInt(o.substring("applied=".length())))
                        .sum())
                .as("each migration applied by exactly one process: " + outputs)
                .isEqualTo(13);
        assertThat(count("SELECT COUNT(*) FROM keelson_schema_history")).isEqualTo(13);
        assertThat(count("SELECT COUNT(DISTINCT version) FROM keelson_schema_history WHERE success"))
                .isEqualTo(13);
        assertThat(count("SELECT COUNT(*) FROM counter")).isEqualTo(11);
        assertThat(count("SELECT COUNT(*) FROM pg_index WHERE indexrelid = 'counter_note'::regclass AND indisvalid"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND database ="
                        + " (SELECT oid FROM pg_database WHERE datname = current_database())"))
                .as("no advisory lock left on any pooled server connection")
                .isZero();
    }

    @Test
    void migrateSaysItDetectedThePoolerAndStillGuardsANoTransactionFile() throws Exception {
        write("V1__table.sql", "CREATE TABLE t (id INT);");
        write("V2__index.sql", "-- keelson:no-transaction\nCREATE INDEX CONCURRENTLY t_id ON t (id);");
        List<String> notices = new CopyOnWriteArrayList<>();
        MigrationListener listener = new MigrationListener() {
            @Override
            public void notice(String message) {
                notices.add(message);
            }
        };
        TestDatabase through = bouncer.database();
        MigrateResult result = Migrator.configure()
                .url(through.url())
                .user(through.user())
                .location("filesystem:" + dir.resolve("db"))
                .listener(listener)
                .build()
                .migrate(MigrateOptions.latest());

        assertThat(result.migrations()).hasSize(2);
        assertThat(notices)
                .singleElement()
                .asString()
                .startsWith("Connection pooler detected: the JDBC URL names port " + bouncer.port()
                        + " but the PostgreSQL server behind it listens on port ")
                .contains("transaction-scoped advisory locks");
        // this database only: the server is shared with whatever else runs on the machine
        assertThat(count("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND database ="
                        + " (SELECT oid FROM pg_database WHERE datname = current_database())"))
                .isZero();
    }

    @Test
    void behindPgBouncerEveryMigrationTransactionRunsAtReadCommittedOnARepeatableReadDatabase() throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + c.getCatalog() + " SET default_transaction_isolation = 'repeatable read'");
        }
        bouncer.close(); // a new PgBouncer, whose server connections open with the new default
        bouncer = PgBouncer.start(db);
        String record = "INSERT INTO levels VALUES (%d, current_setting('transaction_isolation'));";
        write("V1__levels.sql", "CREATE TABLE levels (n INT, level TEXT);\n" + record.formatted(1));
        write("V2__index.sql", "-- keelson:no-transaction\nCREATE INDEX CONCURRENTLY levels_n ON levels (n);");
        for (int i = 3; i <= 5; i++) {
            write("V" + i + "__insert_" + i + ".sql", record.formatted(i));
        }
        TestDatabase through = bouncer.database();
        MigrateResult result = Migrator.configure()
                .url(through.url())
                .user(through.user())
                .location("filesystem:" + dir.resolve("db"))
                .build()
                .migrate(MigrateOptions.latest());

        assertThat(result.migrations()).hasSize(5);
        assertThat(count("SELECT COUNT(*) FROM levels WHERE level = 'read committed'"))
                .isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM levels")).isEqualTo(4);
    }
}
