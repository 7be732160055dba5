package dev.keelson.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class VersionTest {
    @Test
    void versionsCompareAsNumbersPartByPart() {
        List<String> sorted = Stream.of("2", "1.10", "1.2", "20261121093000", "1", "1.2.1")
                .map(Version::parse)
                .sorted()
                .map(Version::toString)
                .toList();
        assertThat(sorted).containsExactly("1", "1.2", "1.2.1", "1.10", "2", "20261121093000");
    }

    @Test
    void underscoresSeparatePartsLikeDots() {
        assertThat(Version.parse("1_2")).isEqualTo(Version.parse("1.2"));
        assertThat(Version.parse("1_2").toString()).isEqualTo("1.2");
    }

    @Test
    void trailingZeroPartsDoNotCount() {
        assertThat(Version.parse("1.0")).isEqualTo(Version.parse("1")).hasSameHashCodeAs(Version.parse("1"));
    }

    @Test
    void textThatIsNotAVersionIsRejectedWithItsText() {
        assertThatThrownBy(() -> Version.parse("1.a")).hasMessageContaining("'1.a' is not a version");
    }
}
