package dev.keelson.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.load.TimelineSecond;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private final StringWriter err = new StringWriter();

    private static TimelineSecond second(int n, long requests, long errors) {
        return new TimelineSecond(n, false, requests, errors, 0, 900, 950, 1_000, 2_000);
    }

    @Test
    void aSecondWithoutResponsesShowsNoLatency() {
        ProgressLine progress = new ProgressLine(new PrintWriter(err), false);
        progress.onSecond(second(0, 0, 20));

        assertThat(err.toString()).isEqualTo("   1s          0 requests        0.0/s  p99 -         errors 20\n");
    }

    @Test
    void aBudgetThatWouldTakeHoursAtThePaceSoFarIsPointedOutOnce() {
        ProgressLine progress = new ProgressLine(new PrintWriter(err), false);
        progress.budget(1_000_000);
        for (int s = 0; s < 5; s++) progress.onSecond(second(s, 0, 66));

        assertThat(err.toString().lines().filter(l -> l.startsWith("note: ")).toList()).containsExactly(
                "note: at 66 requests/s the remaining 999802 of 1000000 requests take about 4h12m;"
                        + " Ctrl-C ends the run with its report");
    }

    @Test
    void aBudgetOnPaceIsNotPointedOut() {
        ProgressLine progress = new ProgressLine(new PrintWriter(err), false);
        progress.budget(1_000);
        for (int s = 0; s < 5; s++) progress.onSecond(second(s, 100, 0));

        assertThat(err.toString()).doesNotContain("note:");
    }
}
