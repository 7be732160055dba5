package dev.keelson.migrate.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.keelson.migrate.internal.database.postgresql.CopyIn;
import dev.keelson.migrate.testing.Engine;
import dev.keelson.migrate.testing.TestDatabase;
import dev.keelson.migrate.testing.TestDatabases;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.PGConnection;

/**
 * The golden corpus on the real engines: every statement the splitter cuts from each runnable corpus script is sent,
 * one by one, to a fresh database of that dialect (PostgreSQL, MariaDB, SQLite, H2), and each {@code … AS
 * expect_true} query must return true in every row. A wrong cut shows up as a syntax error, a missing object or a
 * false check; COPY data goes through PostgreSQL's copy API.
 */
class StatementSplitterCorpusIT {

    static Stream<SplitterCorpus> runnableCorpus() {
        return SplitterCorpus.all().filter(corpus -> !corpus.expectsError());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runnableCorpus")
    void everyStatementOfTheCorpusScriptRunsOnTheRealEngineAndItsChecksHold(SplitterCorpus corpus) throws Exception {
        List<SqlStatement> statements = new StatementSplitter(corpus.rules()).split(corpus.scriptText());
        long expectedChecks = statements.stream()
                .filter(s -> s.sql().contains("AS expect_true"))
                .count();
        int checks = 0;
        try (TestDatabase db = TestDatabases.fresh(engine(corpus.rules()));
                Connection connection = db.connect()) {
            for (SqlStatement statement : statements) {
                checks += run(connection, corpus, statement);
            }
        }
        assertThat(checks).as("expect_true checks run in %s", corpus).isEqualTo(expectedChecks);
    }

    private static int run(Connection connection, SplitterCorpus corpus, SqlStatement statement) throws Exception {
        var copy = CopyIn.of(statement);
        if (copy.isPresent()) {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(copy.get().command(), new StringReader(copy.get().data()));
            return 0;
        }
        try (Statement jdbc = connection.createStatement()) {
            boolean hasResult = jdbc.execute(statement.sql());
            return hasResult ? check(jdbc.getResultSet(), corpus, statement) : 0;
        } catch (SQLException e) {
            return fail("%s line %d failed: %s%n%s", corpus, statement.line(), e.getMessage(), statement.sql());
        }
    }

    private static int check(ResultSet rows, SplitterCorpus corpus, SqlStatement statement) throws SQLException {
        if (!"expect_true".equalsIgnoreCase(rows.getMetaData().getColumnLabel(1))) {
            return 0;
        }
        int count = 0;
        while (rows.next()) {
            assertThat(rows.getBoolean(1))
                    .as("%s line %d: %s", corpus, statement.line(), statement.sql())
                    .isTrue();
            count++;
        }
        assertThat(count)
                .as("%s line %d returned no row", corpus, statement.line())
                .isPositive();
        return 1;
    }

    private static Engine engine(Client rules) {
        return switch (rules) {
            case POSTGRESQL -> Engine.POSTGRESQL;
            case MYSQL -> Engine.MARIADB;
            case SQLITE -> Engine.SQLITE;
            case H2 -> Engine.H2;
        };
    }
}
