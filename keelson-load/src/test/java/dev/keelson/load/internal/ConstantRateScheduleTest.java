package dev.keelson.load.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConstantRateScheduleTest {
    @Test
    void slotsOfAConstantRateAreEvenlySpaced() {
        ConstantRateSchedule schedule = new ConstantRateSchedule(1000, 0);

        assertThat(schedule.slot(0)).isZero();
        assertThat(schedule.slot(1)).isEqualTo(1_000_000);
        assertThat(schedule.slot(1000)).isEqualTo(1_000_000_000);
    }

    @Test
    void aRampUpSendsHalfTheRequestsOfItsDurationThenTheFullRate() {
        ConstantRateSchedule schedule = new ConstantRateSchedule(100, 2_000_000_000L);

        // ramping to 100/s over 2 s sends 100 requests; the 100th slot is at the end of the ramp
        assertThat(schedule.slot(100) / 1e9).isCloseTo(2.0, within(0.01));
        assertThat(schedule.slot(25) / 1e9).isCloseTo(1.0, within(0.01));
        assertThat((schedule.slot(200) - schedule.slot(100)) / 1e9).isCloseTo(1.0, within(0.01));
    }
}
