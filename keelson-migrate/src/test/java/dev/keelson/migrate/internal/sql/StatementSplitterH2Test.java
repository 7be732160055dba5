package dev.keelson.migrate.internal.sql;

import static dev.keelson.migrate.internal.sql.StatementSplitterTest.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterH2Test {

    private static List<SqlStatement> split(String script) {
        return StatementSplitterTest.split(Client.H2, script);
    }

    @Test
    void doubleDollarQuotesJavaSources() {
        String alias =
                "CREATE ALIAS rev AS $$ String rev(String s) { return new StringBuilder(s).reverse().toString(); } $$";
        assertThat(split(alias + ";\nCALL rev('ab');")).containsExactly(at(1, alias), at(2, "CALL rev('ab')"));
    }

    @Test
    void taggedDollarsAreNotQuotes() {
        assertThat(split("SELECT 1 AS $a$;SELECT 2;"))
                .extracting(SqlStatement::sql)
                .containsExactly("SELECT 1 AS $a$", "SELECT 2");
    }

    @Test
    void doubleSlashStartsALineComment() {
        assertThat(split("// note; here\nSELECT 1; // done;\nSELECT 2;"))
                .containsExactly(at(2, "SELECT 1"), at(3, "SELECT 2"));
    }

    @Test
    void backslashesInStringsAreOrdinary() {
        assertThat(split("SELECT 'C:\\';SELECT E'x';")).containsExactly(at(1, "SELECT 'C:\\'"), at(1, "SELECT E'x'"));
    }
}
