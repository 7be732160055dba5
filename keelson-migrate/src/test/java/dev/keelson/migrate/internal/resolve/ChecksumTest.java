package dev.keelson.migrate.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChecksumTest {
    @Test
    void checksumsNameTheirAlgorithm() {
        assertThat(Checksum.of("SELECT 1;\n")).startsWith("k1:").hasSize(3 + 64);
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
    void aStoredChecksumMatchesOnlyWithAKnownAlgorithm() {
        String text = "SELECT 1;";
        assertThat(Checksum.matches(Checksum.of(text), text.replace(";", ";\r\n"))).isFalse();
        assertThat(Checksum.matches(Checksum.of(text), text)).isTrue();
        assertThat(Checksum.matches("k9:" + Checksum.of(text).substring(3), text)).isFalse();
        assertThat(Checksum.matches(null, text)).isFalse();
    }
}
