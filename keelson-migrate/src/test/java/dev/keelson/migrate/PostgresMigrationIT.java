package dev.keelson.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.testing.Engine;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresMigrationIT extends MigrationContractIT {
    @Override
    Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    boolean transactionalDdl() {
        return true;
    }

    @Override
    void holdMigrationLock(Connection c) throws SQLException {
        int key = Migrator.DEFAULT_HISTORY_TABLE.hashCode() & 0x7fffffff;
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_lock(1262830924, " + key + ")");
        }
    }

    @Override
    String holderDescription() {
        return "PostgreSQL backend pid";
    }

    @Test
    void createIndexConcurrentlyNeedsAndGetsTheNoTransactionOptOut() throws Exception {
        write("V1__table.sql", "CREATE TABLE t1 (id INT);");
        write("V2__index.sql", "CREATE INDEX CONCURRENTLY t1_id ON t1 (id);");
        assertFails(() -> migrator().migrate(MigrateOptions.latest()), ErrorCode.MIGRATION_FAILED,
                m -> assertThat(m).contains("V2__index.sql").contains("cannot run inside a transaction block"));

        write("V2__index.sql", "-- keelson:no-transaction\nCREATE INDEX CONCURRENTLY t1_id ON t1 (id);");
        assertThat(scripts(migrator().migrate(MigrateOptions.latest()).migrations())).containsExactly("V2__index.sql");
        assertThat(count("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 't1_id'")).isEqualTo(1);
    }

    @Test
    void copyFromStdinLoadsItsInlineData() throws Exception {
        write("V1__load.sql", "CREATE TABLE people (id INT, name TEXT);\n"
                + "COPY people (id, name) FROM STDIN;\n1\tada\n2\tgrace\n\\.\n"
                + "INSERT INTO people VALUES (3, 'linus');\n");
        migrator().migrate(MigrateOptions.latest());
        assertThat(count("SELECT COUNT(*) FROM people")).isEqualTo(3);
        assertThat(count("SELECT id FROM people WHERE name = 'grace'")).isEqualTo(2);
    }
}
