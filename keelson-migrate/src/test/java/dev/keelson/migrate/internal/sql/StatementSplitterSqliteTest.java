package dev.keelson.migrate.internal.sql;

import static dev.keelson.migrate.internal.sql.StatementSplitterTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterSqliteTest {

    private static List<SqlStatement> split(String script) {
        return StatementSplitterTest.split(Client.SQLITE, script);
    }

    @Test
    void triggerBodiesEndAtSemicolonEndSemicolon() {
        String trigger = "CREATE TRIGGER t AFTER INSERT ON a BEGIN\n"
                + "  INSERT INTO log VALUES (new.id, CASE WHEN new.id > 0 THEN 'pos' END);\n"
                + "  UPDATE b SET n = n + 1;\nEND";
        assertThat(split(trigger + ";\nSELECT 1;")).containsExactly(at(1, trigger), at(5, "SELECT 1"));
    }

    @Test
    void temporaryTriggersAndExplainedOnesAreRecognised() {
        String temp = "CREATE TEMP TRIGGER IF NOT EXISTS t BEFORE DELETE ON a BEGIN SELECT 1; END";
        String explained = "EXPLAIN CREATE TRIGGER u AFTER INSERT ON a BEGIN SELECT 2; END";
        assertThat(split(temp + "; " + explained + ";")).containsExactly(at(1, temp), at(1, explained));
    }

    @Test
    void bracketAndBacktickIdentifiersHideSemicolons() {
        assertThat(split("CREATE TABLE [a;b] (`c;` int, \"d;\" int);SELECT 1;"))
                .containsExactly(at(1, "CREATE TABLE [a;b] (`c;` int, \"d;\" int)"), at(1, "SELECT 1"));
    }

    @Test
    void semicolonsInParenthesesStillSplitUnlikePsql() {
        assertThat(split("SELECT (1;\nSELECT 2);")).containsExactly(at(1, "SELECT (1"), at(2, "SELECT 2)"));
    }

    @Test
    void aTableNamedTriggerIsNotATrigger() {
        assertThat(split("CREATE TABLE \"trigger\" (x);\nCREATE INDEX i ON \"trigger\" (x);"))
                .extracting(SqlStatement::line)
                .containsExactly(1, 2);
    }

    @Test
    void anUnterminatedBracketIdentifierNamesItsLine() {
        assertThatThrownBy(() -> split("SELECT [a;\n"))
                .isInstanceOf(SqlParseException.class)
                .hasMessage("bracketed identifier opened with [ is never closed (line 1)");
    }
}
