package dev.keelson.migrate.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorPlaceTest {
    private static final String SCRIPT =
            "-- header\nCREATE TABLE a (id int);  CREATE TABLE b (\n    id int,\n    name textt\n);\n";

    private final List<SqlStatement> statements = new StatementSplitter(Client.POSTGRESQL).split(SCRIPT);

    @Test
    void aStatementStartsWhereItsFirstLineIsFoundOnItsLineOfTheFile() {
        assertThat(ErrorPlace.startColumn(SCRIPT, statements.get(0))).isEqualTo(1);
        assertThat(ErrorPlace.startColumn(SCRIPT, statements.get(1))).isEqualTo(27);
        assertThat(ErrorPlace.startColumn("\uFEFF" + SCRIPT, statements.get(1))).isEqualTo(27);
    }

    @Test
    void anOffsetOnALaterLineOfTheStatementIsThatLineOfTheFile() {
        SqlStatement b = statements.get(1);
        int offset = b.sql().indexOf("textt") + 1;

        assertThat(ErrorPlace.atOffset(b, 27, offset, "m")).isEqualTo(new ErrorPlace(4, 10, "m"));
    }

    @Test
    void anOffsetOnTheStatementsFirstLineCountsFromWhereTheStatementStarts() {
        SqlStatement b = statements.get(1);

        assertThat(ErrorPlace.atOffset(b, 27, 8, "m")).isEqualTo(new ErrorPlace(2, 34, "m"));
        assertThat(ErrorPlace.atOffset(b, 27, 8, "m").describe()).isEqualTo("line 2, column 34");
    }

    @Test
    void aLineOfTheStatementWithTheQuotedTextIsPlacedAtThatText() {
        SqlStatement b = statements.get(1);

        assertThat(ErrorPlace.atLine(b, 27, 3, "textt", "m")).isEqualTo(new ErrorPlace(4, 10, "m"));
        assertThat(ErrorPlace.atLine(b, 27, 1, "TABLE", "m")).isEqualTo(new ErrorPlace(2, 34, "m"));
        assertThat(ErrorPlace.atLine(b, 27, 3, "absent", "m").describe()).isEqualTo("line 4");
    }

    @Test
    void aPositionOutsideTheStatementFallsBackToItsFirstLine() {
        SqlStatement a = statements.get(0);

        assertThat(ErrorPlace.atOffset(a, 1, 999, "m")).isEqualTo(new ErrorPlace(2, 0, "m"));
        assertThat(ErrorPlace.atLine(a, 1, 7, "x", "m")).isEqualTo(new ErrorPlace(2, 0, "m"));
    }
}
