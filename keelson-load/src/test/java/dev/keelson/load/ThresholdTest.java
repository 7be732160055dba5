package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ThresholdTest {
    static LoadResult result(long errors, long... latenciesMicros) {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (long v : latenciesMicros) h.recordValue(v);
        return new LoadResult(
                "http://t/",
                Model.CLOSED,
                1,
                0,
                Instant.EPOCH,
                Duration.ofSeconds(1),
                latenciesMicros.length,
                errors,
                100,
                h,
                new TreeMap<>(Map.of(200, (long) latenciesMicros.length)),
                errors == 0 ? Map.of() : Map.of(ErrorKind.TIMEOUT, errors),
                Lateness.NONE,
                List.of(),
                List.of());
    }

    @Test
    void expressionsParseIntoMetricDirectionAndLimitInMicroseconds() {
        assertThat(Threshold.parse("p99<250ms")).isEqualTo(new Threshold("p99<250ms", "p99", true, 250_000));
        assertThat(Threshold.parse("p99.9 < 1s").limit()).isEqualTo(1_000_000);
        assertThat(Threshold.parse("errors<0.1%").limit()).isEqualTo(0.001);
        assertThat(Threshold.parse("rps>500").lessThan()).isFalse();
        assertThat(Threshold.parse("login.p99.9<1s"))
                .isEqualTo(new Threshold("login.p99.9<1s", "login", "p99.9", true, 1_000_000));
        assertThat(Threshold.parse("log in.Errors<0.1%").step()).isEqualTo("log in");
        assertThat(Threshold.parse("a.b.max<1s").step()).isEqualTo("a.b");
    }

    @Test
    void malformedExpressionsNameTheFix() {
        assertThatThrownBy(() -> Threshold.parse("p99<250")).isInstanceOfSatisfying(LoadException.class, e -> {
            assertThat(e.code()).isEqualTo(LoadErrorCode.BAD_THRESHOLD);
            assertThat(e.getMessage())
                    .isEqualTo(
                            "threshold 'p99<250' does not parse: a latency needs a unit: us, ms or s, e.g. p99<250ms");
        });
        assertThatThrownBy(() -> Threshold.parse("latency<3")).hasMessageContaining("expected [STEP.]METRIC<VALUE");
        assertThatThrownBy(() -> Threshold.parse("errors<1")).hasMessageContaining("errors takes a percentage");
    }

    @Test
    void requestsWithoutAnAnswerAreSlowerThanAnyAnswer() {
        LoadResult r = result(2, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000); // 8 answers, 2 timeouts

        assertThat(Threshold.parse("p50<6ms").evaluate(r).passed()).isTrue(); // 5th of 10 due: 5ms
        assertThat(Threshold.parse("p90<1s").evaluate(r).describe()).isEqualTo("p90<1s: no answer  FAILED");
        assertThat(Threshold.parse("max<1s").evaluate(r).passed()).isFalse();
        assertThat(Threshold.parse("mean<1s").evaluate(r).passed()).isTrue();
        assertThat(Threshold.parse("mean<1s").evaluate(result(3)).describe()).isEqualTo("mean<1s: no answer  FAILED");
    }

    @Test
    void aThresholdPassesOrFailsOnTheMeasuredValue() {
        LoadResult r = result(1, 1_000, 2_000, 300_000);

        assertThat(Threshold.parse("p50<5ms").evaluate(r).passed()).isTrue();
        assertThat(Threshold.parse("max<250ms").evaluate(r).passed()).isFalse();
        assertThat(Threshold.parse("errors<10%").evaluate(r).passed()).isFalse(); // 1 of 4
        assertThat(Threshold.parse("rps>2").evaluate(r).describe()).isEqualTo("rps>2: 3.0  ok");
        assertThat(r.withThresholds(List.of(Threshold.parse("max<250ms"))).passed())
                .isFalse();
    }

    @Test
    void everyVerdictCarriesItsMarginAsAnSlaReviewReadsIt() {
        LoadResult r = result(0, 1_000, 1_500, 2_000);

        assertThat(Threshold.parse("max<5ms").evaluate(r).describeMargin())
                .isEqualTo("margin 3.00ms (60% of the limit)");
        assertThat(Threshold.parse("max<1ms").evaluate(r).describeMargin())
                .isEqualTo("over by 1.00ms (100% of the limit)");
        assertThat(Threshold.parse("errors<50%").evaluate(r).margin()).isEqualTo(0.5);
        assertThat(Threshold.parse("rps>2").evaluate(r).describeMargin()).isEqualTo("margin 1.0 (50% of the limit)");
        assertThat(Threshold.parse("max<1s").evaluate(result(1, 1_000)).describeMargin())
                .isEqualTo("no margin: requests without an answer");
    }
}
