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
        for (String bad : new String[] {"1.a", "", "1.", ".1", "1..2", "1._2", "-1", "1 "}) {
            assertThatThrownBy(() -> Version.parse(bad)).hasMessageContaining("'" + bad + "' is not a version");
        }
        assertThatThrownBy(() -> Version.parse(null)).hasMessageContaining("'null' is not a version");
    }

    @Test
    void partsLongerThanALongCompareAsExactlyAsShortOnes() {
        String huge = "123456789012345678901234567890";
        List<String> sorted = Stream.of(
                        "2." + huge, "2.9", huge, "999999999999999999", "1000000000000000000", "0002.00" + huge + "1")
                .map(Version::parse)
                .sorted()
                .map(Version::toString)
                .toList();
        assertThat(sorted)
                .containsExactly(
                        "2.9", "2." + huge, "0002.00" + huge + "1", "999999999999999999", "1000000000000000000", huge);
        assertThat(Version.parse("007.1_" + huge + ".0"))
                .isEqualTo(Version.parse("7.1." + huge))
                .hasSameHashCodeAs(Version.parse("7.1." + huge));
        assertThat(Version.parse(huge).parts()).containsExactly(new java.math.BigInteger(huge));
        assertThat(Version.parse("1.02.0").parts()).containsExactly(java.math.BigInteger.ONE, java.math.BigInteger.TWO);
        assertThat(Version.parse("1." + "0".repeat(30))).isEqualTo(Version.parse("1"));
    }
}
