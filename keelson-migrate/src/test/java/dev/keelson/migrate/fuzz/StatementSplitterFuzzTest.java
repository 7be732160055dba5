package dev.keelson.migrate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.keelson.migrate.internal.database.h2.H2Dialect;
import dev.keelson.migrate.internal.database.mysql.MysqlDialect;
import dev.keelson.migrate.internal.database.postgresql.PostgresDialect;
import dev.keelson.migrate.internal.database.sqlite.SqliteDialect;
import dev.keelson.migrate.internal.sql.SplitRules;
import dev.keelson.migrate.internal.sql.SqlParseException;
import dev.keelson.migrate.internal.sql.SqlStatement;
import dev.keelson.migrate.internal.sql.StatementSplitter;
import java.util.List;

/** The statement splitter of every dialect: statements with sane lines, or a {@link SqlParseException}. */
class StatementSplitterFuzzTest {
    private static final SplitRules[] RULES = {
        new PostgresDialect().splitRules(),
        new MysqlDialect().splitRules(),
        new SqliteDialect().splitRules(),
        new H2Dialect().splitRules()
    };

    @FuzzTest(maxDuration = "20s")
    void splitsOrRefusesWithALine(byte dialect, @NotNull String script) {
        SplitRules rules = RULES[Math.floorMod(dialect, RULES.length)];
        List<SqlStatement> statements;
        try {
            statements = new StatementSplitter(rules).split(script);
        } catch (SqlParseException e) {
            assertThat(e.line()).isBetween(1, lines(script));
            return;
        }
        int last = 0;
        for (SqlStatement s : statements) {
            assertThat(s.line()).isBetween(Math.max(1, last), lines(script));
            last = s.line();
        }
    }

    /** Lines as the splitter counts them: LF, CRLF and a lone CR each end one. */
    private static int lines(String script) {
        int lines = 1;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= script.length() || script.charAt(i + 1) != '\n')) {
                lines++;
            }
        }
        return lines;
    }
}
