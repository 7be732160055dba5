package dev.keelson.migrate.internal.database.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.migrate.internal.sql.SqlStatement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresBatchableTest {
    private final PostgresDialect dialect = new PostgresDialect();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "CREATE TABLE t (id int)",
                "create index t_id on t (id)",
                "ALTER TABLE t ADD COLUMN x int",
                "DROP TABLE t",
                "INSERT INTO t VALUES (1)",
                "UPDATE t SET x = 1",
                "DELETE FROM t",
                "COMMENT ON TABLE t IS 'x'",
                "GRANT SELECT ON t TO PUBLIC",
                "TRUNCATE t"
            })
    void statementsThatReturnNoRowsGoInABatch(String sql) {
        assertThat(dialect.batchable(new SqlStatement(sql, 1))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT 1",
                "INSERT INTO t VALUES (1) RETURNING id",
                "delete from t returning *",
                "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x",
                "DO $$ BEGIN PERFORM 1; END $$",
                "COPY t FROM STDIN;\n1\n\\.",
                "CALL p()",
                "EXPLAIN SELECT 1",
                "SET search_path = app",
                "-- a comment first\nCREATE TABLE t (id int)"
            })
    void anythingElseRunsOnItsOwn(String sql) {
        assertThat(dialect.batchable(new SqlStatement(sql, 1))).isFalse();
    }
}
