package dev.keelson.load.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.load.Comparison;
import dev.keelson.load.ErrorKind;
import dev.keelson.load.Lateness;
import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import dev.keelson.load.LoadResult;
import dev.keelson.load.Model;
import dev.keelson.load.Stage;
import dev.keelson.load.StageResult;
import dev.keelson.load.StepResult;
import dev.keelson.load.TimelineSecond;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {
    @TempDir
    Path dir;

    static LoadResult run(long requests, long latencyMicros) {
        Histogram h = new Histogram(3_600_000_000L, 3);
        h.recordValueWithCount(latencyMicros, requests);
        return new LoadResult(
                "http://127.0.0.1:8080/api",
                Model.CLOSED,
                10,
                0,
                Instant.parse("2026-11-21T23:00:00Z"),
                Duration.ofSeconds(10),
                requests,
                2,
                requests * 100,
                h,
                new TreeMap<>(Map.of(200, requests)),
                Map.of(ErrorKind.TIMEOUT, 2L),
                new Lateness(0, 0, 0),
                List.of(new TimelineSecond(
                        0,
                        false,
                        requests,
                        2,
                        requests * 100,
                        latencyMicros,
                        latencyMicros,
                        latencyMicros,
                        latencyMicros)),
                List.of());
    }

    private Path write(String name, LoadResult r) throws Exception {
        return Files.writeString(dir.resolve(name), JsonReport.render(r));
    }

    @Test
    void aSecondWithoutResponsesHasNullLatenciesNotZeros() {
        LoadResult r = run(0, 0);

        assertThat(JsonReport.render(r))
                .contains("\"requests\" : 0,")
                .contains("\"p99Micros\" : null")
                .doesNotContain("\"p99Micros\" : 0");
        assertThat(HtmlReport.render(r))
                .doesNotContain("<polyline fill=\"none\" stroke-width=\"3\" stroke=\"" + HtmlReport.RED);
    }

    @Test
    void aShortRunsThroughputIsPerSecondOfWhatItLasted() {
        Histogram h = new Histogram(3_600_000_000L, 3);
        h.recordValueWithCount(100, 985);
        LoadResult r = new LoadResult(
                "http://127.0.0.1:8080/api",
                Model.CLOSED,
                10,
                0,
                Instant.EPOCH,
                Duration.ofMillis(180),
                985,
                0,
                985,
                h,
                new TreeMap<>(Map.of(200, 985L)),
                Map.of(),
                Lateness.NONE,
                List.of(new TimelineSecond(0, false, 985, 0, 985, 100, 100, 100, 100)),
                List.of());

        // 985 responses in 0.18 s are 5,472/s: the y axis reaches 1.1 x that, and the point sits at 0.18 s
        assertThat(HtmlReport.render(r)).contains(">6019<").doesNotContain(">1084<");
    }

    @Test
    void runsOfAnotherModelOrTargetAreNotMerged() {
        LoadResult closed = run(10, 1_000);
        LoadResult open = new LoadResult(
                closed.target(),
                Model.OPEN,
                10,
                100,
                closed.started(),
                closed.measured(),
                10,
                0,
                0,
                closed.latency(),
                closed.statusCodes(),
                Map.of(),
                Lateness.NONE,
                List.of(),
                List.of());
        LoadResult elsewhere = new LoadResult(
                "http://10.0.0.1/api",
                Model.CLOSED,
                10,
                0,
                closed.started(),
                closed.measured(),
                10,
                0,
                0,
                closed.latency(),
                closed.statusCodes(),
                Map.of(),
                Lateness.NONE,
                List.of(),
                List.of());

        assertThatThrownBy(() -> LoadResult.merge(List.of(closed, open)))
                .isInstanceOf(LoadException.class)
                .hasMessage(
                        "cannot merge result 1 and result 2: one is a closed-model run, the other an open-model run");
        assertThatThrownBy(() -> Comparison.of(closed, elsewhere))
                .isInstanceOf(LoadException.class)
                .hasMessage(
                        "cannot compare these runs: their targets differ: http://127.0.0.1:8080/api and http://10.0.0.1/api");
    }

    @Test
    void aResultReadBackCarriesTheWholeHistogram() throws Exception {
        LoadResult original = run(1000, 1500);

        LoadResult read = JsonReport.read(write("run.json", original));

        assertThat(read.latency()).isEqualTo(original.latency());
        assertThat(read.requests()).isEqualTo(1000);
        assertThat(read.statusCodes()).isEqualTo(original.statusCodes());
        assertThat(read.errorKinds()).isEqualTo(original.errorKinds());
        assertThat(read.timeline()).isEqualTo(original.timeline());
        assertThat(read.measured()).isEqualTo(original.measured());
    }

    @Test
    void mergingAddsHistogramsAndCountsInsteadOfAveraging() throws Exception {
        LoadResult a = JsonReport.read(write("a.json", run(990, 1_000)));
        LoadResult b = JsonReport.read(write("b.json", run(10, 900_000)));

        LoadResult merged = LoadResult.merge(List.of(a, b));

        assertThat(merged.requests()).isEqualTo(1000);
        assertThat(merged.latency().getTotalCount()).isEqualTo(1000);
        // averaging the two p99s would give ~450ms; the added histogram's p99 is the fast run's value
        assertThat(merged.percentileMicros(99)).isBetween(999L, 1001L);
        assertThat(merged.percentileMicros(99.5)).isGreaterThan(800_000);
        assertThat(merged.requestsPerSecond()).isEqualTo(100.0);
        assertThat(merged.errorKinds()).containsEntry(ErrorKind.TIMEOUT, 4L);
        assertThat(merged.timeline().get(0).requests()).isEqualTo(1000);
    }

    /** A two-step, two-stage open-model run whose steps and stages all saw {@code latencyMicros}. */
    static LoadResult staged(long perStage, long latencyMicros, double rate) {
        LoadResult base = run(2 * perStage, latencyMicros);
        Histogram h = base.latency();
        List<StepResult> steps = List.of(
                new StepResult("login", base.measured(), perStage, 1, h, Map.of(ErrorKind.TIMEOUT, 1L), List.of()),
                new StepResult("list", base.measured(), perStage, 1, h, Map.of(ErrorKind.RESET, 1L), List.of()));
        List<StageResult> stages = List.of(
                new StageResult(1, new Stage(Duration.ofSeconds(5), rate), Model.OPEN, perStage, 0, h),
                new StageResult(2, new Stage(Duration.ofSeconds(5), rate * 2), Model.OPEN, perStage, 2, h));
        return new LoadResult(
                base.target(),
                Model.OPEN,
                10,
                rate * 2,
                base.started(),
                base.measured(),
                base.requests(),
                base.errors(),
                base.bytes(),
                h,
                base.statusCodes(),
                base.errorKinds(),
                Lateness.NONE,
                base.timeline(),
                List.of(),
                null,
                steps,
                stages);
    }

    @Test
    void mergingKeepsEveryStageAndStepWithTheirHistogramsAdded() throws Exception {
        LoadResult a = JsonReport.read(write("a.json", staged(500, 1_000, 100)));
        LoadResult b = JsonReport.read(write("b.json", staged(5, 900_000, 50)));

        LoadResult merged = JsonReport.read(write("merged.json", LoadResult.merge(List.of(a, b))));

        assertThat(merged.stages()).hasSize(2);
        StageResult second = merged.stages().get(1);
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(second.stage().target()).isEqualTo(300.0); // 200/s + 100/s
        assertThat(second.requests()).isEqualTo(505);
        assertThat(second.errors()).isEqualTo(4);
        assertThat(second.latency().getTotalCount()).isEqualTo(1010);
        assertThat(second.percentileMicros(99.9)).isGreaterThan(800_000);
        assertThat(merged.steps()).extracting(StepResult::name).containsExactly("login", "list");
        StepResult login = merged.step("login").orElseThrow();
        assertThat(login.requests()).isEqualTo(505);
        assertThat(login.errorKinds()).containsEntry(ErrorKind.TIMEOUT, 2L);
        assertThat(login.latency().getTotalCount()).isEqualTo(1010);
        assertThat(TextReport.render(merged))
                .contains("stage")
                .contains("login")
                .contains("list");
    }

    @Test
    void runsWithOtherStagesAreNotMerged() {
        LoadResult staged = staged(10, 1_000, 100);
        LoadResult steady = new LoadResult(
                staged.target(),
                Model.OPEN,
                10,
                100,
                staged.started(),
                staged.measured(),
                10,
                0,
                0,
                staged.latency(),
                staged.statusCodes(),
                Map.of(),
                Lateness.NONE,
                List.of(),
                List.of());

        assertThatThrownBy(() -> LoadResult.merge(List.of(staged, steady)))
                .isInstanceOf(LoadException.class)
                .hasMessage("cannot merge result 1 and result 2: their stages differ: [5s, 5s] and no stages");
    }

    @Test
    void comparisonReportsRegressionsBeyondTheTolerance() {
        Comparison c = Comparison.of(run(1000, 1_000), run(1000, 1_200));

        assertThat(c.regressions(0.1)).extracting(Comparison.Change::metric).contains("p50", "p99", "max");
        assertThat(c.regressions(0.5)).isEmpty();
        assertThat(c.render(0.1)).contains("p99").contains("+20.0%  REGRESSION");
    }

    @Test
    void aFileThatIsNotAResultIsABadResult() throws Exception {
        Path file = Files.writeString(dir.resolve("x.json"), "{\"hello\":1}");

        assertThatThrownBy(() -> JsonReport.read(file))
                .isInstanceOfSatisfying(
                        LoadException.class, e -> assertThat(e.code()).isEqualTo(LoadErrorCode.BAD_RESULT));
    }
}
