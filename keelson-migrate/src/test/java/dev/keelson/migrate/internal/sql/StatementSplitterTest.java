package dev.keelson.migrate.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    static List<SqlStatement> split(Client rules, String script) {
        return new StatementSplitter(rules).split(script);
    }

    static SqlStatement at(int line, String sql) {
        return new SqlStatement(sql, line);
    }

    @Test
    void semicolonsSeparateStatementsAndTheDelimiterIsDropped() {
        assertThat(split(Client.POSTGRESQL, "SELECT 1;\nSELECT 2 ;  SELECT 3"))
                .containsExactly(at(1, "SELECT 1"), at(2, "SELECT 2"), at(2, "SELECT 3"));
    }

    @Test
    void leadingCommentsAreDroppedAndTheLineIsThatOfTheFirstCode() {
        String script = "-- header\n/* block\n comment */\n\n  CREATE TABLE t (id int); -- trailing\n";
        assertThat(split(Client.POSTGRESQL, script)).containsExactly(at(5, "CREATE TABLE t (id int)"));
    }

    @Test
    void statementsMadeOnlyOfCommentsAreDropped() {
        assertThat(split(Client.POSTGRESQL, "-- a\n;\n/* b */;\n  ;;\n-- end")).isEmpty();
    }

    @Test
    void commentsInsideAStatementAreKept() {
        assertThat(split(Client.POSTGRESQL, "SELECT 1 -- one;\n + 2 /* ; */;"))
                .containsExactly(at(1, "SELECT 1 -- one;\n + 2 /* ; */"));
    }

    @Test
    void crlfLineEndsCountOnceAndLoneCarriageReturnsCount() {
        assertThat(split(Client.POSTGRESQL, "SELECT 1;\r\n\r\nSELECT\r\n 2;\rSELECT 3;"))
                .containsExactly(at(1, "SELECT 1"), at(3, "SELECT\r\n 2"), at(5, "SELECT 3"));
    }

    @Test
    void semicolonsInStringsAndQuotedIdentifiersDoNotSplit() {
        assertThat(split(Client.POSTGRESQL, "INSERT INTO \"a;b\" VALUES ('x;''y');SELECT 2;"))
                .containsExactly(at(1, "INSERT INTO \"a;b\" VALUES ('x;''y')"), at(1, "SELECT 2"));
    }

    @Test
    void postgresDollarQuotesWithAndWithoutTagsHideSemicolons() {
        String script = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n"
                + "DO $body$ BEGIN RAISE NOTICE '$$;'; END $body$;\n"
                + "PREPARE p AS SELECT $1;";
        assertThat(split(Client.POSTGRESQL, script))
                .containsExactly(
                        at(1, "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql"),
                        at(2, "DO $body$ BEGIN RAISE NOTICE '$$;'; END $body$"),
                        at(3, "PREPARE p AS SELECT $1"));
    }

    @Test
    void anUnterminatedStringNamesItsOpeningLine() {
        assertThatThrownBy(() -> split(Client.POSTGRESQL, "SELECT 1;\nSELECT 'abc;\n\n"))
                .isInstanceOf(SqlParseException.class)
                .hasMessage("string literal opened with ' is never closed (line 2)");
    }

    @Test
    void aStatementWithoutTrailingDelimiterIsKept() {
        assertThat(split(Client.H2, "SELECT 1;\nSELECT 2\n-- done\n"))
                .containsExactly(at(1, "SELECT 1"), at(2, "SELECT 2\n-- done"));
    }

    @Test
    void anEmptyScriptHasNoStatements() {
        assertThat(split(Client.MYSQL, "")).isEmpty();
        assertThat(split(Client.SQLITE, " \n\t\r\n")).isEmpty();
    }

    @Test
    void anUnterminatedQuotedIdentifierNamesItsOpeningLine() {
        assertThatThrownBy(() -> split(Client.H2, "SELECT\n\"abc;\n"))
                .isInstanceOf(SqlParseException.class)
                .hasMessage("quoted identifier opened with \" is never closed (line 2)")
                .extracting(e -> ((SqlParseException) e).line())
                .isEqualTo(2);
    }

    @Test
    void anUnterminatedBlockCommentNamesItsOpeningLine() {
        assertThatThrownBy(() -> split(Client.SQLITE, "SELECT 1;\r\n\r\n/* open;\r\nSELECT 2;"))
                .isInstanceOf(SqlParseException.class)
                .hasMessage("block comment opened with /* is never closed (line 3)");
    }

    @Test
    void anUnterminatedDollarQuoteNamesItsTagAndOpeningLine() {
        assertThatThrownBy(() -> split(Client.POSTGRESQL, "DO\n$fn$ BEGIN END $fx$;"))
                .isInstanceOf(SqlParseException.class)
                .hasMessage("dollar-quoted string opened with $fn$ is never closed (line 2)");
    }

    @Test
    void aQuoteInsideACommentOpensNothing() {
        assertThat(split(Client.POSTGRESQL, "-- don't\nSELECT 1; /* it's */ SELECT 2;"))
                .containsExactly(at(2, "SELECT 1"), at(2, "SELECT 2"));
    }

    @Test
    void everyDialectKeepsUnicodeTextIntact() {
        for (Client rules : Client.values()) {
            assertThat(split(rules, "INSERT INTO t VALUES ('żółć; 😀');\nSELECT 'ü'"))
                    .as(rules.name())
                    .containsExactly(at(1, "INSERT INTO t VALUES ('żółć; 😀')"), at(2, "SELECT 'ü'"));
        }
    }

    @Test
    void aByteOrderMarkAtTheStartIsNotPartOfTheFirstStatement() {
        for (Client rules : Client.values()) {
            assertThat(split(rules, "\uFEFFCREATE TABLE t (x int);"))
                    .as(rules.name())
                    .containsExactly(at(1, "CREATE TABLE t (x int)"));
        }
    }
}
