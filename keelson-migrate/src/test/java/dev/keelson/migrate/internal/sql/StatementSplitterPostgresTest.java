package dev.keelson.migrate.internal.sql;

import static dev.keelson.migrate.internal.sql.StatementSplitterTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.migrate.internal.database.postgresql.CopyIn;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterPostgresTest {

    private static List<SqlStatement> split(String script) {
        return StatementSplitterTest.split(Client.POSTGRESQL, script);
    }

    @Test
    void escapeStringsTakeBackslashEscapedQuotes() {
        assertThat(split("SELECT E'it\\'s; \\\\';SELECT e'\\';''';SELECT 2;"))
                .containsExactly(at(1, "SELECT E'it\\'s; \\\\'"), at(1, "SELECT e'\\';'''"), at(1, "SELECT 2"));
    }

    @Test
    void standardStringsTreatBackslashAsAnOrdinaryCharacter() {
        assertThat(split("SELECT 'C:\\';SELECT 'a''b';"))
                .containsExactly(at(1, "SELECT 'C:\\'"), at(1, "SELECT 'a''b'"));
    }

    @Test
    void anIdentifierEndingInEIsNotAnEscapeStringPrefix() {
        assertThat(split("SELECT name'\\';SELECT 2;")).containsExactly(at(1, "SELECT name'\\'"), at(1, "SELECT 2"));
    }

    @Test
    void dollarQuotesWithDifferentTagsNest() {
        String fn = "CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $outer$\n"
                + "BEGIN\n  EXECUTE $q$SELECT ';'$q$;\n  RETURN $$;$$;\nEND\n$outer$";
        assertThat(split(fn + ";\nSELECT f();")).containsExactly(at(1, fn), at(7, "SELECT f()"));
    }

    @Test
    void aDollarInsideAnIdentifierIsNotADollarQuote() {
        assertThat(split("SELECT a$b$c, x$$ FROM t;SELECT 2;"))
                .containsExactly(at(1, "SELECT a$b$c, x$$ FROM t"), at(1, "SELECT 2"));
    }

    @Test
    void positionalParametersAreNotDollarQuotes() {
        assertThat(split("PREPARE p(int) AS SELECT $1 + $2;EXECUTE p(1);"))
                .containsExactly(at(1, "PREPARE p(int) AS SELECT $1 + $2"), at(1, "EXECUTE p(1)"));
    }

    @Test
    void blockCommentsNest() {
        assertThat(split("/* outer /* inner; */ still comment; */ SELECT 1;")).containsExactly(at(1, "SELECT 1"));
    }

    @Test
    void beginAtomicBodiesKeepTheirSemicolons() {
        String fn = "CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
                + "  SELECT 1;\n  SELECT CASE WHEN x > 0 THEN x ELSE 0 END;\nEND";
        assertThat(split(fn + ";\nSELECT f(1);")).containsExactly(at(1, fn), at(6, "SELECT f(1)"));
    }

    @Test
    void proceduresWithBeginAtomicBodiesAreOneStatement() {
        String proc = "CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); END";
        assertThat(split(proc + ";CALL p();")).containsExactly(at(1, proc), at(1, "CALL p()"));
    }

    @Test
    void aTransactionBeginStillEndsAtItsSemicolon() {
        assertThat(split("BEGIN;\nSELECT 1;\nEND;\nCOMMIT;"))
                .containsExactly(at(1, "BEGIN"), at(2, "SELECT 1"), at(3, "END"), at(4, "COMMIT"));
    }

    @Test
    void semicolonsInsideParenthesesDoNotSplitAsInPsql() {
        String rule = "CREATE RULE r AS ON INSERT TO a DO ALSO (INSERT INTO b VALUES (1); INSERT INTO c VALUES (2))";
        assertThat(split(rule + ";SELECT 1;")).containsExactly(at(1, rule), at(1, "SELECT 1"));
    }

    @Test
    void copyFromStdinKeepsItsDataLinesUpToBackslashDot() {
        String script = "COPY t (a, b) FROM stdin;\n1\tone;\n2\t\\N\n\\.\nSELECT count(*) FROM t;";
        List<SqlStatement> statements = split(script);
        assertThat(statements)
                .containsExactly(
                        at(1, "COPY t (a, b) FROM stdin;\n1\tone;\n2\t\\N\n\\."), at(5, "SELECT count(*) FROM t"));
        assertThat(CopyIn.of(statements.get(0))).contains(new CopyIn("COPY t (a, b) FROM stdin", "1\tone;\n2\t\\N\n"));
        assertThat(CopyIn.of(statements.get(1))).isEmpty();
    }

    @Test
    void copyDataWithCrlfLineEndsIsKeptAndLinesCounted() {
        String script = "COPY t FROM STDIN WITH (FORMAT csv, DELIMITER ';');\r\n1;'x'\r\n\\.\r\nSELECT 1;";
        List<SqlStatement> statements = split(script);
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 4);
        assertThat(CopyIn.of(statements.get(0)))
                .contains(new CopyIn("COPY t FROM STDIN WITH (FORMAT csv, DELIMITER ';')", "1;'x'\r\n"));
    }

    @Test
    void copyDataRunsToTheEndOfTheScriptWithoutBackslashDot() {
        List<SqlStatement> statements = split("COPY t FROM STDIN;\n1\t\n2\t");
        assertThat(statements).containsExactly(at(1, "COPY t FROM STDIN;\n1\t\n2\t"));
        assertThat(CopyIn.of(statements.get(0))).contains(new CopyIn("COPY t FROM STDIN", "1\t\n2\t\n"));
    }

    @Test
    void copyToStdoutAndCopyFromAFileHaveNoData() {
        assertThat(split("COPY t TO STDOUT;\nCOPY t FROM '/tmp/x';\n1\n"))
                .containsExactly(at(1, "COPY t TO STDOUT"), at(2, "COPY t FROM '/tmp/x'"), at(3, "1"));
    }

    @Test
    void aQuotedStdinIsATableNotTheClientStream() {
        assertThat(split("COPY t FROM \"stdin\";\nSELECT 1;"))
                .containsExactly(at(1, "COPY t FROM \"stdin\""), at(2, "SELECT 1"));
    }

    @Test
    void backticksBracketsAndHashesAreOrdinaryCharacters() {
        assertThat(split("SELECT '{1}'::jsonb #> '{a}', `x`;SELECT 2;"))
                .containsExactly(at(1, "SELECT '{1}'::jsonb #> '{a}', `x`"), at(1, "SELECT 2"));
    }

    @Test
    void anUnterminatedEscapeStringNamesItsLine() {
        assertThatThrownBy(() -> split("SELECT 1;\nSELECT E'it\\';"))
                .isInstanceOf(SqlParseException.class)
                .hasMessage("string literal opened with ' is never closed (line 2)");
    }

    @Test
    void anUnterminatedNestedCommentNamesItsOuterLine() {
        assertThatThrownBy(() -> split("SELECT 1;\n/* a\n/* b */\nSELECT 2;"))
                .isInstanceOf(SqlParseException.class)
                .hasMessage("block comment opened with /* is never closed (line 2)");
    }
}
