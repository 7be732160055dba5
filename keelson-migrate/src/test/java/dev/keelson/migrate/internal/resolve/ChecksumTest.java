package dev.keelson.migrate.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChecksumTest {
    @Test
    void checksumsNameTheirAlgorithm() {
        assertThat(Checksum.of("SELECT 1;\n")).startsWith("k2:").hasSize(3 + 64);
    }

    @Test
    void theCurrentFormatTellsApartTwoEditsTheOlderOneSawAsEqual() {
        byte[] acute = {'\'', (byte) 0xE9, '\''
        }; // Latin-1 'é' and 'è': not UTF-8, so a jar's lenient read gives U+FFFD
        byte[] grave = {'\'', (byte) 0xE8, '\''};
        String decodedAcute = new String(acute, StandardCharsets.UTF_8);
        String decodedGrave = new String(grave, StandardCharsets.UTF_8);
        assertThat(Checksum.k1(decodedAcute)).as("k1 hashed the decoded text").isEqualTo(Checksum.k1(decodedGrave));
        assertThat(Checksum.of(acute)).isNotEqualTo(Checksum.of(grave));
    }

    @Test
    void forUtf8FilesBothFormatsHashTheSameNormalisedBytes() {
        String text = "\uFEFFCREATE TABLE café (id INT);\r\nINSERT INTO café VALUES (1);\r";
        assertThat(Checksum.of(text.getBytes(StandardCharsets.UTF_8)).substring(3))
                .isEqualTo(Checksum.k1(text).substring(3));
    }

    @Test
    void lineEndingsDoNotChangeTheChecksum() {
        String lf = "CREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);\n";
        assertThat(Checksum.of(lf.replace("\n", "\r\n"))).isEqualTo(Checksum.of(lf));
        assertThat(Checksum.of(lf.replace("\n", "\r"))).isEqualTo(Checksum.of(lf));
        assertThat(Checksum.of("\uFEFF" + lf)).isEqualTo(Checksum.of(lf));
    }

    @Test
    void anyOtherChangeChangesTheChecksum() {
        String text = "CREATE TABLE t (id INT);\n";
        assertThat(Checksum.of(text)).isNotEqualTo(Checksum.of("CREATE TABLE t (id  INT);\n"));
        assertThat(Checksum.of(text)).isNotEqualTo(Checksum.of(text + "\n"));
        assertThat(Checksum.of(text)).isNotEqualTo(Checksum.of(text.toLowerCase()));
    }

    @Test
    void aStoredChecksumMatchesWithTheAlgorithmItNamesAndNeverWithAnUnknownOne() {
        String text = "SELECT 1;";
        MigrationScript file =
                MigrationScript.of(ScriptName.parse("V1__one.sql").orElseThrow(), "V1__one.sql", text);
        assertThat(file.matches(Checksum.of(text))).isTrue();
        assertThat(file.matches(Checksum.k1(text)))
                .as("an older format is verified with its own algorithm")
                .isTrue();
        assertThat(file.matches(Checksum.k1(text + " "))).isFalse();
        assertThat(file.matches(Checksum.of(text.replace(";", "; ")))).isFalse();
        assertThat(file.matches("k9:" + Checksum.of(text).substring(3))).isFalse();
        assertThat(file.matches(null)).isFalse();
    }
}
