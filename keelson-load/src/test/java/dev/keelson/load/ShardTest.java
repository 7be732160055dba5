package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.load.report.JsonReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards (k6's execution segments): disjoint parts that together are exactly the whole run. */
class ShardTest {
    private static final String URL = "http://127.0.0.1:1/api";

    @Test
    void tenUsersOverThreeShardsAreFourThreeAndThreeAndEveryTotalIsDealtOutExactly() {
        assertThat(IntStream.rangeClosed(1, 3).map(i -> new Shard(i, 3).share(10)))
                .containsExactly(4, 3, 3);
        for (int n = 1; n <= 7; n++) {
            for (long total = 0; total <= 50; total++) {
                int count = n;
                long t = total;
                assertThat(LongStream.rangeClosed(1, n)
                                .map(i -> new Shard((int) i, count).share(t))
                                .sum())
                        .as("%d over %d shards", total, n)
                        .isEqualTo(total);
            }
        }
    }

    @Test
    void everyCsvRowGoesToExactlyOneShard() {
        List<Integer> rows = IntStream.range(0, 11).boxed().toList();
        List<Integer> dealt = new ArrayList<>();
        for (int i = 1; i <= 4; i++) dealt.addAll(new Shard(i, 4).rows(rows));

        assertThat(dealt).containsExactlyInAnyOrderElementsOf(rows);
        assertThat(new Shard(2, 4).rows(rows)).containsExactly(1, 5, 9);
    }

    @Test
    void aShardOutsideOneToNIsRefusedWithTheRule() {
        assertThatThrownBy(() -> Shard.parse("4/3"))
                .isInstanceOf(LoadException.class)
                .hasMessage("--shard 4/3 is not a shard: write i/N with 1 <= i <= N (e.g. 1/3, 2/3, 3/3 for three"
                        + " machines)");
        assertThatThrownBy(() -> Shard.parse("0/3")).hasMessageStartingWith("--shard 0/3 is not a shard");
        assertThatThrownBy(() -> Shard.parse("two"))
                .hasMessage("--shard 'two' is not a shard: write i/N with 1 <= i <= N (e.g. 2/3: the second of"
                        + " three)");
        assertThat(Shard.parse(" 2/3 ")).isEqualTo(new Shard(2, 3));
    }

    @Test
    void theShardsSlotsTogetherAreExactlyTheWholeRunsSchedule() {
        Duration until = Duration.ofMillis(2500);
        long[] whole = config(Shard.WHOLE, 2, b -> b.rate(997).rampUp(Duration.ofMillis(700)))
                .schedule(until);
        long[] shards = LongStream.concat(
                        LongStream.concat(
                                LongStream.of(config(
                                                new Shard(1, 3),
                                                1,
                                                b -> b.rate(997).rampUp(Duration.ofMillis(700)))
                                        .schedule(until)),
                                LongStream.of(config(
                                                new Shard(2, 3),
                                                3,
                                                b -> b.rate(997).rampUp(Duration.ofMillis(700)))
                                        .schedule(until))),
                        LongStream.of(
                                config(new Shard(3, 3), 2, b -> b.rate(997).rampUp(Duration.ofMillis(700)))
                                        .schedule(until)))
                .sorted()
                .toArray();

        assertThat(whole.length).isBetween(2100, 2200); // 997/s for 2.5 s less half the 0.7 s ramp-up
        assertThat(shards).containsExactly(whole);
    }

    @Test
    void rateStagesAreDealtOutSlotBySlot() {
        Ramp ramp = Ramp.of(List.of(Stage.parse("1s:300/s", "s"), Stage.parse("1s:300/s", "s")));
        long[] whole = config(Shard.WHOLE, 1, b -> b.ramp(ramp)).schedule(Duration.ofSeconds(5));
        long[] first = config(new Shard(1, 2), 2, b -> b.ramp(ramp)).schedule(Duration.ofSeconds(5));
        long[] second = config(new Shard(2, 2), 1, b -> b.ramp(ramp)).schedule(Duration.ofSeconds(5));
        long[] both = LongStream.concat(LongStream.of(first), LongStream.of(second))
                .sorted()
                .toArray();

        assertThat(whole).hasSize(450);
        assertThat(both).containsExactly(whole);
        assertThat(first).hasSize(225);
    }

    @Test
    void eachShardRunsItsPartOfTheUsersRateRequestsAndStages() {
        LoadConfig c =
                config(new Shard(2, 3), 4, b -> b.users(10).requests(1000)).config();
        assertThat(c.shardUsers()).isEqualTo(3);
        assertThat(c.shardRequests()).isEqualTo(333);
        assertThat(c.threads()).isEqualTo(3);
        assertThat(c.runId()).hasSize(12);

        LoadConfig open = config(new Shard(1, 4), 1, b -> b.rate(1000)).config();
        assertThat(open.shardRate()).isEqualTo(250);
        assertThat(open.shardUsers()).isEqualTo(13); // of the open model's 50 connections

        Ramp users = Ramp.of(List.of(Stage.parse("10s:10", "s"), Stage.parse("10s:3", "s")));
        assertThat(config(new Shard(1, 3), 1, b -> b.ramp(users))
                        .config()
                        .shardRamp()
                        .stages())
                .extracting(Stage::target)
                .containsExactly(4.0, 1.0);
    }

    @Test
    void shardsOfTheSameCommandLineShareARunIdAndAnotherCommandLineGetsAnother() {
        Instant at = Instant.parse("2026-12-07T15:00:00Z");
        String first =
                config(new Shard(1, 2), 1, b -> b.users(4).startAt(at)).config().runId();
        String second =
                config(new Shard(2, 2), 1, b -> b.users(4).startAt(at)).config().runId();
        String later = config(new Shard(2, 2), 1, b -> b.users(4).startAt(at.plusSeconds(60)))
                .config()
                .runId();

        assertThat(first).isEqualTo(second).isNotEqualTo(later);
        assertThat(config(new Shard(1, 2), 1, b -> b.runId("nightly-42"))
                        .config()
                        .runId())
                .isEqualTo("nightly-42");
        assertThat(config(Shard.WHOLE, 1, b -> b).config().runId()).isNull();
    }

    @Test
    void aShardLeftWithoutUsersRequestsOrCsvRowsIsRefusedNamingTheFix() {
        assertThatThrownBy(() -> config(new Shard(3, 3), 1, b -> b.users(2)))
                .hasMessage("--shard 3/3 gets no user: 2 users (connections) cannot be dealt out over 3 shards; give"
                        + " at least 3 (--users, or a stage's target) or use fewer shards");
        assertThatThrownBy(() -> config(new Shard(3, 3), 1, b -> b.users(3).requests(2)))
                .hasMessage("--shard 3/3 gets no request: --requests 2 cannot be dealt out over 3 shards; give at"
                        + " least 3 or use fewer shards");
        Scenario fed = new Scenario(
                java.net.URI.create("http://127.0.0.1:1"),
                Scenario.single(java.net.URI.create(URL), "GET", Map.of(), null).steps(),
                List.of(Map.of("user", "ada"), Map.of("user", "bob")));
        assertThatThrownBy(() -> LoadTest.configure()
                        .scenario(fed)
                        .users(3)
                        .shard(new Shard(3, 3))
                        .build())
                .hasMessage("--shard 3/3 gets no CSV row: the feed has 2 rows, fewer than the 3 shards; add rows or"
                        + " use fewer shards");
    }

    @Test
    void mergeRefusesAMissingOrDoubledShardAndShardsOfAnotherRun() {
        List<String> names = List.of("a.json", "b.json", "c.json");
        assertThatThrownBy(() -> LoadResult.merge(List.of(shard(1, 3, "r1"), shard(2, 3, "r1")), names))
                .hasMessage("cannot merge: shard 3/3 of run r1 is missing: give the results of all 3 shards");
        assertThatThrownBy(
                        () -> LoadResult.merge(List.of(shard(1, 3, "r1"), shard(2, 3, "r1"), shard(2, 3, "r1")), names))
                .hasMessage("cannot merge: shard 2/3 of run r1 is given twice: b.json and c.json");
        assertThatThrownBy(
                        () -> LoadResult.merge(List.of(shard(1, 3, "r1"), shard(2, 3, "r2"), shard(3, 3, "r1")), names))
                .hasMessageStartingWith(
                        "cannot merge: a.json is of run r1, b.json of run r2: shards of different" + " runs");
        assertThatThrownBy(() -> LoadResult.merge(List.of(shard(1, 2, "r1"), shard(2, 3, "r1")), names))
                .hasMessage("cannot merge: a.json is shard 1/2, b.json shard 2/3: the run was cut into different"
                        + " numbers of shards");
        assertThatThrownBy(() -> LoadResult.merge(List.of(shard(1, 2, "r1"), ThresholdTest.result(0, 5)), names))
                .hasMessage("cannot merge: a.json is shard 1/2 of a run, b.json a whole run: merge the shards of one"
                        + " run without other results");

        LoadResult merged = LoadResult.merge(List.of(shard(2, 2, "r1"), shard(1, 2, "r1")), names);
        assertThat(merged.shard()).isNull();
        assertThat(merged.runId()).isEqualTo("r1");
        assertThat(merged.latency().getTotalCount()).isEqualTo(4);
    }

    @Test
    void aShardsJsonResultCarriesItsShardAndRunIdAndReadsBackWithThem(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s.json"), JsonReport.render(shard(2, 3, "nightly-42")));

        assertThat(Files.readString(file)).contains("\"shard\" : \"2/3\"").contains("\"runId\" : \"nightly-42\"");
        LoadResult read = JsonReport.read(file);
        assertThat(read.shard()).isEqualTo(new Shard(2, 3));
        assertThat(read.runId()).isEqualTo("nightly-42");
        assertThat(JsonReport.render(ThresholdTest.result(0, 5)))
                .doesNotContain("shard")
                .doesNotContain("runId");
    }

    private static LoadResult shard(int index, int count, String run) {
        return ThresholdTest.result(0, 100, 200).withShard(new Shard(index, count), run);
    }

    private static LoadTest config(
            Shard shard, int threads, java.util.function.UnaryOperator<LoadTest.Builder> settings) {
        return settings.apply(LoadTest.configure().url(URL).threads(threads).shard(shard))
                .build();
    }
}
