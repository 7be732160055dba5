package dev.keelson.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output is UTF-8 whatever the locale: a real process with an empty environment, as under {@code env -i}. */
class Utf8OutputIT {
    @TempDir
    Path dir;

    @Test
    void withoutALocaleTheMiddleDotIsWrittenInUtf8NotAsAQuestionMark() throws Exception {
        Files.createDirectories(dir.resolve("db/migration"));
        ProcessBuilder builder =
                KeelsonProcess.builder(dir, "db", "status", "--url", "jdbc:sqlite:" + dir.resolve("utf8.db"));
        builder.environment().clear();

        Process keelson = builder.start();

        assertThat(keelson.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keelson.exitValue())
                .as(Files.readString(dir.resolve("err.txt")))
                .isZero();
        byte[] out = Files.readAllBytes(dir.resolve("out.txt"));
        assertThat(new String(out, StandardCharsets.UTF_8))
                .isEqualTo("No migrations found and none applied.\n"
                        + "Schema version none \u00b7 0 pending \u00b7 0 failed\n");
    }
}
