package dev.keelson.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.load.ErrorKind;
import dev.keelson.load.Progress;
import dev.keelson.load.TimelineSecond;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadProgressTest {
    private final StringWriter err = new StringWriter();

    private static TimelineSecond second(int n, long requests, long errors) {
        return new TimelineSecond(n, false, requests, errors, 0, 900, 950, 1_000, 2_000);
    }

    @Test
    void aSecondWithoutResponsesShowsNoLatency() {
        LoadProgress progress = new LoadProgress(new PrintWriter(err), false);
        progress.onProgress(new Progress(second(0, 0, 20), Map.of(), Map.of()));

        assertThat(err.toString()).isEqualTo("   1s          0 requests        0.0/s  p99 -         errors 20\n");
    }

    @Test
    void aBudgetThatWouldTakeHoursAtThePaceSoFarIsPointedOutOnce() {
        LoadProgress progress = new LoadProgress(new PrintWriter(err), false);
        progress.budget(1_000_000);
        for (int s = 0; s < 5; s++) progress.onProgress(new Progress(second(s, 0, 66), Map.of(), Map.of()));

        assertThat(err.toString().lines().filter(l -> l.startsWith("note: ")).toList())
                .containsExactly("note: at 66 requests/s the remaining 999802 of 1000000 requests take about 4h12m;"
                        + " Ctrl-C ends the run with its report");
    }

    @Test
    void aBudgetOnPaceIsNotPointedOut() {
        LoadProgress progress = new LoadProgress(new PrintWriter(err), false);
        progress.budget(1_000);
        for (int s = 0; s < 5; s++) progress.onProgress(new Progress(second(s, 100, 0), Map.of(), Map.of()));

        assertThat(err.toString()).doesNotContain("note:");
    }

    @Test
    void aTerminalGetsABlockOfLinesRedrawnInPlace() {
        LoadProgress progress = new LoadProgress(new PrintWriter(err), true);
        Map<String, TimelineSecond> steps = new LinkedHashMap<>();
        steps.put("login", second(0, 40, 0));
        steps.put("list", second(0, 38, 2));
        progress.onProgress(new Progress(second(0, 78, 2), steps, Map.of(ErrorKind.TIMEOUT, 2L)));
        progress.onProgress(new Progress(second(1, 80, 0), steps, Map.of()));

        String[] blocks = err.toString().split("\033\\[3F");
        assertThat(blocks).hasSize(2);
        assertThat(blocks[0])
                .isEqualTo(
                        "\033[2K  1s                                 78/s now, 0 users                78 requests, 2 errors\n"
                                + "\033[2K  last second   p50 900us  p99 1.00ms   errors: timeout 2\n"
                                + "\033[2K  steps         login 40/s  list 38/s (2 errors)\n");
        assertThat(blocks[1])
                .startsWith("\033[2K  2s ")
                .contains("   no errors\n")
                .endsWith("\n");
    }
}
