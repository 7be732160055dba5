package dev.keelson.load.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvFeedTest {
    @Test
    void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
        assertThat(CsvFeed.parse("user,note\r\n\"a,b\",\"say \"\"hi\"\"\nthere\"\nc,d\n"))
                .containsExactly(Map.of("user", "a,b", "note", "say \"hi\"\nthere"), Map.of("user", "c", "note", "d"));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsNamesItsRow() {
        assertThatThrownBy(() -> CsvFeed.parse("a,b\n1,2\n3\n")).hasMessage("row 3 has 1 fields, the header 2");
    }

    @Test
    void aByteOrderMarkIsNoPartOfTheFirstColumnName() {
        byte[] file = "\uFEFFuser,pass\nada,x1\n".getBytes(StandardCharsets.UTF_8);
        assertThat(CsvFeed.parse(file)).containsExactly(Map.of("user", "ada", "pass", "x1"));
    }

    @Test
    void utf8TextReadsAndBlankLinesAreSkipped() {
        byte[] file = "user,city\nzoë,Zürich\n\nbob,\"Köln, Ost\"\n".getBytes(StandardCharsets.UTF_8);
        assertThat(CsvFeed.parse(file))
                .containsExactly(Map.of("user", "zoë", "city", "Zürich"), Map.of("user", "bob", "city", "Köln, Ost"));
    }

    @Test
    void bytesThatAreNotUtf8NameTheirLine() {
        byte[] file = "user,city\nada,Paris\nbob,K\u00f6ln\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CsvFeed.parse(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 3 is not UTF-8 (byte 0xf6 at offset 25): save the file as UTF-8");
    }

    @Test
    void aQuoteThatIsNeverClosedNamesItsLine() {
        assertThatThrownBy(() -> CsvFeed.parse("user,note\nada,\"open\nbob,x\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("line ")
                .hasMessageContaining("quote");
    }

    @Test
    void anEmptyFileAsksForAHeaderRow() {
        assertThatThrownBy(() -> CsvFeed.parse(new byte[0])).hasMessage("the file is empty; it needs a header row");
    }
}
