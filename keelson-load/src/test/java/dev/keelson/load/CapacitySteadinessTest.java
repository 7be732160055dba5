package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The steadiness rule of a capacity step: a queue that builds fails it, one stalled second does not. */
class CapacitySteadinessTest {

    @Test
    void aQueueBuildingSecondAfterSecondIsNotSteady() {
        assertThat(CapacitySearch.climb(seconds(10, 20, 40, 80, 160, 320)))
                .startsWith("p99 rose from 20")
                .contains("to 160")
                .endsWith("(a queue is building)");
        assertThat(CapacitySearch.climb(seconds(10, 12, 60, 70))).startsWith("p99 rose from 10");
    }

    @Test
    void oneStalledSecondInEitherHalfIsNotAQueue() {
        assertThat(CapacitySearch.climb(seconds(11, 12, 11, 130))).isNull();
        assertThat(CapacitySearch.climb(seconds(11, 12, 11, 12, 11, 12, 11, 12, 11, 900)))
                .isNull();
        assertThat(CapacitySearch.climb(seconds(300, 12, 11, 12))).isNull();
    }

    @Test
    void aHoldTooShortToHaveTwoSecondsPerHalfIsNotJudged() {
        assertThat(CapacitySearch.climb(seconds(10, 500))).isNull();
        assertThat(CapacitySearch.climb(seconds(10, 20, 500))).isNull();
    }

    @Test
    void smallRisesAndWarmUpSecondsDoNotCount() {
        assertThat(CapacitySearch.climb(seconds(1, 1, 5, 5))).as("within 20 ms").isNull();
        List<TimelineSecond> warm = new ArrayList<>();
        warm.add(new TimelineSecond(0, true, 20, 0, 0, 1000, 1000, 5_000, 5_000));
        warm.addAll(seconds(400, 400, 410, 420));
        assertThat(CapacitySearch.climb(warm)).isNull();
        List<TimelineSecond> idle = new ArrayList<>(seconds(10, 12));
        idle.add(new TimelineSecond(3, false, 0, 0, 0, 0, 0, 0, 0));
        idle.addAll(seconds(90, 95));
        assertThat(CapacitySearch.climb(idle))
                .as("seconds without requests are left out")
                .startsWith("p99 rose");
    }

    /** Measured seconds with these p99s, in milliseconds. */
    private static List<TimelineSecond> seconds(long... p99Millis) {
        List<TimelineSecond> out = new ArrayList<>();
        for (int i = 0; i < p99Millis.length; i++) {
            long p99 = p99Millis[i] * 1000;
            out.add(new TimelineSecond(i + 1, false, 20, 0, 4000, p99 / 4, p99 / 2, p99, p99));
        }
        return out;
    }
}
