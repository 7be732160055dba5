package dev.keelson.load.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
