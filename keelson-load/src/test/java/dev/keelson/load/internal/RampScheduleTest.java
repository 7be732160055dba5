package dev.keelson.load.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.keelson.load.Model;
import dev.keelson.load.Ramp;
import dev.keelson.load.Stage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RampScheduleTest {
    private final Ramp ramp = new Ramp(
            Model.OPEN,
            List.of(
                    new Stage(Duration.ofSeconds(2), 100),
                    new Stage(Duration.ofSeconds(1), 100),
                    new Stage(Duration.ofSeconds(1), 0)));

    @Test
    void slotsFollowTheRateLineOfEachStage() {
        RampSchedule schedule = new RampSchedule(ramp, 1.0);

        // 0 -> 100/s over 2 s is 100 slots, the next second 100, the ramp down 50
        assertThat(schedule.slot(25) / 1e9).isCloseTo(1.0, within(0.01)); // N(t) = 25 t^2
        assertThat(schedule.slot(100) / 1e9).isCloseTo(2.0, within(0.001));
        assertThat(schedule.slot(150) / 1e9).isCloseTo(2.5, within(0.001));
        assertThat(schedule.slot(249) / 1e9).isLessThan(4.0);
        assertThat(schedule.slot(250)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aWorkersShareScalesTheRate() {
        assertThat(new RampSchedule(ramp, 0.5).slot(50) / 1e9).isCloseTo(2.0, within(0.001));
    }

    @Test
    void theTargetMovesInAStraightLineFromZero() {
        assertThat(ramp.targetAt(Duration.ofSeconds(1).toNanos())).isEqualTo(50);
        assertThat(ramp.targetAt(Duration.ofMillis(3500).toNanos())).isEqualTo(50);
        assertThat(ramp.duration()).isEqualTo(Duration.ofSeconds(4));
    }
}
