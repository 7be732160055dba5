package dev.keelson.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                        "dev.keelson.cli.Keelson",
                        "db",
                        "status",
                        "--url",
                        "jdbc:sqlite:" + dir.resolve("utf8.db")))
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
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
