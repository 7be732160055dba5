package dev.keelson.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotTrainingTest {
    @TempDir
    Path scratch;

    @Test
    void theTrainingRunMigratesItsSqliteDatabase() throws Exception {
        AotTraining.main(new String[] {scratch.toString()});

        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + scratch.resolve("training.db"));
                var rows = connection
                        .createStatement()
                        .executeQuery("SELECT count(*) FROM keelson_schema_history WHERE success")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(3);
        }
    }

    @Test
    void thePostgresStandInTakesTheDriverThroughConnectAndAQuery() throws Exception {
        StringWriter err = new StringWriter();
        var environment =
                new CliEnvironment(new PrintWriter(new StringWriter()), new PrintWriter(err), Map.of(), scratch, false);
        try (var postgres = new PostgresStandIn()) {
            int code = Keelson.run(
                    new String[] {
                        "db", "status", "--url", postgres.url(), "--user", "training", "--dir", scratch.toString()
                    },
                    environment);

            assertThat(code).isEqualTo(ExitCode.FAILED);
        }
        // the error comes from the stand-in's answer to a query, so the connection itself was made
        assertThat(err.toString()).contains("training stand-in: no such relation");
    }
}
