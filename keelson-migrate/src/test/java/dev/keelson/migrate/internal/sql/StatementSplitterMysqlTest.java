package dev.keelson.migrate.internal.sql;

import static dev.keelson.migrate.internal.sql.StatementSplitterTest.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterMysqlTest {

    private static List<SqlStatement> split(String script) {
        return StatementSplitterTest.split(Client.MYSQL, script);
    }

    @Test
    void delimiterDirectiveChangesTheDelimiterAndIsNotAStatement() {
        String script = "DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\nDELIMITER ;\nCALL p();";
        assertThat(split(script)).containsExactly(at(2, "CREATE PROCEDURE p() BEGIN SELECT 1; END"), at(4, "CALL p()"));
    }

    @Test
    void aDelimiterGluedToAWordStillEndsTheStatement() {
        assertThat(split("delimiter $$\nCREATE FUNCTION f() RETURNS int RETURN 1$$\nSELECT f()$$"))
                .containsExactly(at(2, "CREATE FUNCTION f() RETURNS int RETURN 1"), at(3, "SELECT f()"));
    }

    @Test
    void delimiterAfterAFinishedStatementOnTheSameLineIsADirective() {
        assertThat(split("SELECT 1; DELIMITER ;;\nSELECT 2;;\nSELECT 3"))
                .containsExactly(at(1, "SELECT 1"), at(2, "SELECT 2"), at(3, "SELECT 3"));
    }

    @Test
    void delimiterInsideAStatementIsJustAWord() {
        assertThat(split("SELECT a\nDELIMITER b;")).containsExactly(at(1, "SELECT a\nDELIMITER b"));
    }

    @Test
    void aDelimiterDirectiveWithoutDelimiterIsRefused() {
        assertThatThrownBy(() -> split("SELECT 1;\nDELIMITER\nSELECT 2;"))
                .isInstanceOf(SqlParseException.class)
                .hasMessage("DELIMITER needs the new delimiter after it, for example DELIMITER // (line 2)");
    }

    @Test
    void backtickIdentifiersHideSemicolonsAndDoubleTheirBacktick() {
        assertThat(split("CREATE TABLE `a;``b` (`c;` int);SELECT 1;"))
                .containsExactly(at(1, "CREATE TABLE `a;``b` (`c;` int)"), at(1, "SELECT 1"));
    }

    @Test
    void stringsTakeBackslashEscapesInBothQuoteStyles() {
        assertThat(split("SELECT 'it\\'s;', \"say \\\";\";SELECT 'a''b';"))
                .containsExactly(at(1, "SELECT 'it\\'s;', \"say \\\";\""), at(1, "SELECT 'a''b'"));
    }

    @Test
    void hashStartsAComment() {
        assertThat(split("# setup; here\nSELECT 1; # done;\nSELECT 2;"))
                .containsExactly(at(2, "SELECT 1"), at(3, "SELECT 2"));
    }

    @Test
    void doubleDashNeedsABlankToStartAComment() {
        assertThat(split("SELECT 1--1;\nSELECT 2 -- two;\n;\nSELECT 3 --\n;"))
                .containsExactly(at(1, "SELECT 1--1"), at(2, "SELECT 2 -- two;"), at(4, "SELECT 3 --"));
    }

    @Test
    void versionCommentsAreKeptAsExecutableCode() {
        String script = "/*!40101 SET NAMES utf8mb4 */;\n/* plain; */ SELECT 1 /*!50003 , 2 */;";
        assertThat(split(script))
                .containsExactly(at(1, "/*!40101 SET NAMES utf8mb4 */"), at(2, "SELECT 1 /*!50003 , 2 */"));
    }

    @Test
    void blockCommentsDoNotNest() {
        assertThat(split("/* a /* b */ SELECT 1;")).containsExactly(at(1, "SELECT 1"));
    }

    @Test
    void procedureBodiesWithoutDelimiterAreOneStatement() {
        String proc = "CREATE DEFINER=`root`@`%` PROCEDURE p(IN n INT)\nBEGIN\n"
                + "  DECLARE i INT DEFAULT 0;\n"
                + "  lbl: LOOP\n    SET i = i + 1;\n    IF i >= n THEN LEAVE lbl; END IF;\n  END LOOP lbl;\n"
                + "  CASE n WHEN 1 THEN SELECT 'one'; ELSE BEGIN SELECT IF(n > 1, 'many', 'none'); END; END CASE;\n"
                + "  WHILE i > 0 DO SET i = i - 1; END WHILE;\n"
                + "  REPEAT SET i = i + 1; UNTIL i > REPEAT('x', 2) END REPEAT;\n"
                + "  SELECT CASE WHEN i > 0 THEN 1 END;\nEND";
        assertThat(split(proc + ";\nCALL p(3);")).containsExactly(at(1, proc), at(13, "CALL p(3)"));
    }

    @Test
    void triggersFunctionsAndEventsWithBeginEndAreOneStatement() {
        String trigger = "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END";
        String function = "CREATE OR REPLACE FUNCTION f() RETURNS INT DETERMINISTIC BEGIN RETURN 1; END";
        String event = "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO BEGIN DELETE FROM x; END";
        assertThat(split(trigger + ";\n" + function + ";\n" + event + ";"))
                .containsExactly(at(1, trigger), at(2, function), at(3, event));
    }

    @Test
    void aTriggerWithoutBeginEndsAtItsSemicolon() {
        assertThat(split("CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1;\nSELECT 1;"))
                .containsExactly(
                        at(1, "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET NEW.a = 1"), at(2, "SELECT 1"));
    }

    @Test
    void mariadbAnonymousBlocksAreOneStatement() {
        String block = "BEGIN NOT ATOMIC\n  DECLARE x INT;\n  SET x = 1;\nEND";
        assertThat(split(block + ";\nBEGIN;\nCOMMIT;")).containsExactly(at(1, block), at(5, "BEGIN"), at(6, "COMMIT"));
    }

    @Test
    void tablesAndViewsWithColumnsNamedLikeKeywordsStillEndAtTheirSemicolon() {
        assertThat(
                        split(
                                "CREATE TABLE event (`begin` INT, `end` INT);\nCREATE VIEW v AS SELECT CASE WHEN 1 THEN 2 END x;\nSELECT 1;"))
                .extracting(SqlStatement::line)
                .containsExactly(1, 2, 3);
    }

    @Test
    void dollarSignsArePartOfIdentifiersNotQuotes() {
        assertThat(split("SELECT $$ FROM t$;SELECT 2;")).containsExactly(at(1, "SELECT $$ FROM t$"), at(1, "SELECT 2"));
    }

    @Test
    void anUnterminatedBacktickIdentifierNamesItsLine() {
        assertThatThrownBy(() -> split("SELECT 1;\n\nSELECT `a;"))
                .isInstanceOf(SqlParseException.class)
                .hasMessage("quoted identifier opened with ` is never closed (line 3)");
    }

    @Test
    void anUnterminatedVersionCommentNamesItsLine() {
        assertThatThrownBy(() -> split("\n/*!50003 SELECT 1;"))
                .isInstanceOf(SqlParseException.class)
                .hasMessage("version comment opened with /*! is never closed (line 2)");
    }

    @Test
    void mariadbVersionCommentsAreKeptAsExecutableCode() {
        assertThat(split("/*M!100100 SET @x = 1 */;\nSELECT 1;"))
                .containsExactly(at(1, "/*M!100100 SET @x = 1 */"), at(2, "SELECT 1"));
    }

    @Test
    void aQuotedDelimiterArgumentIsTakenWithoutItsQuotes() {
        assertThat(split("DELIMITER '$$' -- trailing words are ignored\nSELECT 1$$SELECT 2$$"))
                .containsExactly(at(2, "SELECT 1"), at(2, "SELECT 2"));
    }

    @Test
    void aDelimiterWithABackslashIsRefusedAsTheMysqlClientDoes() {
        assertThatThrownBy(() -> split("\n\nDELIMITER \\x\n"))
                .isInstanceOf(SqlParseException.class)
                .hasMessage("DELIMITER cannot contain a backslash: \\x (line 3)");
    }

    @Test
    void mariadbTopLevelCompoundStatementsAreOneStatement() {
        String ifBlock = "IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE column_name = 'x') THEN\n"
                + "  IF (@a > 1) THEN SET @b = IF(@a > 2, 'x;', 'y'); ELSE SET @b = REPEAT('z', 2); END IF;\n"
                + "  ALTER TABLE t ADD COLUMN x INT;\nEND IF";
        String loop =
                "lbl: WHILE @i < 3 DO\n  SET @i = @i + 1;\n  CASE WHEN @i = 2 THEN LEAVE lbl; ELSE BEGIN END; END CASE;\n"
                        + "  REPEAT SET @j = @j + 1; UNTIL @j > 2 END REPEAT;\nEND WHILE lbl";
        assertThat(split(ifBlock + ";\n" + loop + ";\nDO IF(1, 2, 3);\nSELECT 1;"))
                .containsExactly(at(1, ifBlock), at(5, loop), at(10, "DO IF(1, 2, 3)"), at(11, "SELECT 1"));
    }

    @Test
    void dropIfExistsAndTheIfFunctionInsideProceduresDoNotOpenBlocks() {
        String proc = "CREATE PROCEDURE p() BEGIN DROP TABLE IF EXISTS x; SELECT IF(1, 2, 3); END";
        assertThat(split(proc + ";\nSELECT 1;")).containsExactly(at(1, proc), at(2, "SELECT 1"));
    }

    @Test
    void delimiterDirectivesWorkWithCrlfLineEnds() {
        String script =
                "DELIMITER //\r\nCREATE PROCEDURE p()\r\nBEGIN SELECT 1; END //\r\nDELIMITER ;\r\nCALL p();\r\n";
        assertThat(split(script))
                .containsExactly(at(2, "CREATE PROCEDURE p()\r\nBEGIN SELECT 1; END"), at(5, "CALL p()"));
    }
}
