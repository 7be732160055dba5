package dev.keelson.load.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.keelson.load.LoadException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;

/**
 * Whatever a scenario file holds, reading it gives a scenario or a usage-class {@link LoadException} naming what
 * is wrong, never another exception. Fuzzed for a bounded time with JAZZER_FUZZ=1; otherwise its seeds and every
 * crash found (under {@code ScenarioFileFuzzTestInputs}) run as regression tests.
 */
class ScenarioFileFuzzTest {
    private static final Path FILE = Path.of("fuzz", "scenario.yaml");

    @FuzzTest(maxDuration = "20s")
    void anyTextIsAScenarioOrAClearError(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8); // as Files.readString decodes; bad UTF-8 fails there
        try {
            ScenarioFile.parse(FILE, text);
        } catch (LoadException e) {
            Assertions.assertThat(e.code().isUsageError()).as(e.getMessage()).isTrue();
            Assertions.assertThat(e.getMessage()).isNotBlank();
        }
    }
}
