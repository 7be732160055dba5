package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The one duration grammar of every command: keelson load's options and scenarios, keelson db's lock timeout. */
class DurationsTest {
    @Test
    void aNumberWithAUnitReadsInAnyCaseWithDecimals() {
        assertThat(Durations.read("250us")).contains(Duration.ofNanos(250_000));
        assertThat(Durations.read("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.read(" 1.5S ")).contains(Duration.ofMillis(1_500));
        assertThat(Durations.read("5m")).contains(Duration.ofMinutes(5));
        assertThat(Durations.read("1h")).contains(Duration.ofHours(1));
    }

    @Test
    void isoDurationsReadToo() {
        assertThat(Durations.read("PT2S")).contains(Duration.ofSeconds(2));
        assertThat(Durations.read("pt1m30s")).contains(Duration.ofSeconds(90));
    }

    @Test
    void anythingElseIsNoDuration() {
        assertThat(Durations.read("ten")).isEmpty();
        assertThat(Durations.read("30")).isEmpty();
        assertThat(Durations.read("5 minutes")).isEmpty();
        assertThat(Durations.read("")).isEmpty();
        assertThatThrownBy(() -> Durations.parse("soon", "--duration"))
                .isInstanceOf(LoadException.class)
                .hasMessage("--duration 'soon' is not a duration: use e.g. 500ms, 30s, 2m or 1h");
    }
}
