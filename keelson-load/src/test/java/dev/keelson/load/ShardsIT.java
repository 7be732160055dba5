package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards run at once in this JVM against real servers; that they make exactly the whole run across processes is
 * checked by the CLI's {@code ShardProcessesIT}.
 */
@Timeout(60)
class ShardsIT {
    @TempDir
    Path dir;

    @Test
    void shardsStartedApartBeginTogetherAndTheirRequestBudgetsAddUpToTheWholeOne() throws Exception {
        try (TargetServer server = TargetServer.http()) {
            Instant startAt = Instant.now().plusSeconds(4); // past the JVM's first set-up of Netty
            List<LoadResult> shards = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
                List<Future<LoadResult>> running = new ArrayList<>();
                for (int i = 1; i <= 3; i++) {
                    Shard shard = new Shard(i, 3);
                    running.add(pool.submit(() -> {
                        Thread.sleep(200L * shard.index()); // started apart, as machines are
                        return LoadTest.configure()
                                .url(server.url("/json"))
                                .users(5)
                                .requests(301)
                                .shard(shard)
                                .startAt(startAt)
                                .build()
                                .run();
                    }));
                }
                for (Future<LoadResult> f : running) shards.add(f.get());
            }

            assertThat(shards).extracting(LoadResult::requests).containsExactly(101L, 100L, 100L);
            assertThat(shards).extracting(LoadResult::users).containsExactly(2, 2, 1);
            for (LoadResult shard : shards) {
                assertThat(Duration.between(startAt, shard.started()).abs()).isLessThan(Duration.ofMillis(250));
            }
            assertThat(shards)
                    .extracting(LoadResult::runId)
                    .containsOnly(shards.get(0).runId());
            LoadResult merged = LoadResult.merge(shards);
            assertThat(merged.requests()).isEqualTo(301);
            assertThat(merged.users()).isEqualTo(5);
            assertThat(merged.latency().getTotalCount()).isEqualTo(301);
            assertThat(server.requests.get()).isEqualTo(301);
        }
    }

    @Test
    void everyCsvRowIsSentByExactlyOneShard() throws Exception {
        Files.writeString(dir.resolve("users.csv"), "user\nada\nbob\ncarol\ndan\neve\n");
        List<Set<String>> seen = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            try (TargetServer server = TargetServer.http()) {
                Path file = Files.writeString(dir.resolve("s" + i + ".yaml"), """
                        target: %s
                        feed: users.csv
                        steps:
                          - name: log in
                            path: /login?user=${user}
                        """.formatted(server.url("")));
                LoadTest.configure()
                        .scenario(Scenario.load(file))
                        .users(2)
                        .requests(40)
                        .shard(new Shard(i, 2))
                        .build()
                        .run();
                seen.add(new HashSet<>(server.loginUsers));
            }
        }

        assertThat(seen.get(0)).containsExactlyInAnyOrder("ada", "carol", "eve");
        assertThat(seen.get(1)).containsExactlyInAnyOrder("bob", "dan");
    }
}
