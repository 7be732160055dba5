package dev.keelson.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.cli.InProcessKeelson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shards as separate processes on this machine, each a JVM running exactly the command line that
 * {@code load kubernetes} puts into the Indexed Job's pods ({@code JOB_COMPLETION_INDEX} set as Kubernetes sets it,
 * the results volume a directory), then the merge Job's command line; the merged result is compared with one process
 * running the whole.
 */
@Timeout(240)
class ShardProcessesIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void threeShardProcessesMergeIntoExactlyTheRequestsOfOneProcessRunningTheWhole() throws Exception {
        try (Target target = new Target()) {
            JsonNode manifests =
                    manifests(3, "--", target.url("/"), "-c", "7", "-n", "901", "--threshold", "errors<1%");
            List<Process> shards = startShards(manifests, 3);
            for (int i = 0; i < 3; i++) finish(shards.get(i), "shard-" + i);
            Process merge =
                    keelson(args(manifests.at("/manifests/2/spec/template/spec/containers/0/args")), "merge", -1);
            finish(merge, "merge");

            InProcessKeelson.Run whole = new InProcessKeelson(dir)
                    .run("load", target.url("/"), "-c", "7", "-n", "901", "-o", "json", "--save", "whole.json");
            assertThat(whole.exitCode()).as(whole.err()).isZero();
            JsonNode one = read("whole.json"), merged = read("results/merged.json");
            assertThat(merged.get("requests").asLong())
                    .isEqualTo(one.get("requests").asLong())
                    .isEqualTo(901);
            assertThat(merged.at("/latency/count").asLong()).isEqualTo(901);
            assertThat(merged.get("users").asInt())
                    .isEqualTo(one.get("users").asInt())
                    .isEqualTo(7);
            assertThat(merged.get("runId").asString())
                    .isEqualTo(manifests.get("runId").asString());
            assertThat(merged.at("/thresholds/0/expression").asString()).isEqualTo("errors<1%");
            List<Long> parts = new ArrayList<>();
            Instant startAt = Instant.parse(manifests.get("startAt").asString());
            for (int i = 0; i < 3; i++) {
                JsonNode shard = read("results/shard-" + i + ".json");
                assertThat(shard.get("shard").asString()).isEqualTo((i + 1) + "/3");
                assertThat(shard.get("runId").asString())
                        .isEqualTo(manifests.get("runId").asString());
                assertThat(Instant.parse(shard.get("started").asString())).isAfterOrEqualTo(startAt.minusMillis(50));
                parts.add(shard.get("requests").asLong());
            }
            assertThat(parts).containsExactly(301L, 300L, 300L);
            assertThat(Files.readString(dir.resolve("merge.out"))).contains("  requests     901  (");

            refusesAMissingOrDoubledShard(manifests.get("runId").asString());
        }
    }

    @Test
    void openModelShardsTogetherKeepTheWholeRunsSchedule() throws Exception {
        try (Target target = new Target()) {
            JsonNode manifests = manifests(2, "--", target.url("/"), "--rate", "150", "-d", "3s", "-c", "4");
            List<Process> shards = startShards(manifests, 2);
            for (int i = 0; i < 2; i++) finish(shards.get(i), "shard-" + i);
            InProcessKeelson.Run merged = new InProcessKeelson(dir)
                    .run(
                            "load",
                            "merge",
                            "results/shard-0.json",
                            "results/shard-1.json",
                            "-o",
                            "json",
                            "--save",
                            "merged.json");
            assertThat(merged.exitCode()).as(merged.err()).isZero();
            InProcessKeelson.Run whole = new InProcessKeelson(dir)
                    .run(
                            "load",
                            target.url("/"),
                            "--rate",
                            "150",
                            "-d",
                            "3s",
                            "-c",
                            "4",
                            "--start-at",
                            Instant.now().plusSeconds(3).toString(),
                            "-o",
                            "json",
                            "--save",
                            "whole.json");
            assertThat(whole.exitCode()).as(whole.err()).isZero();

            JsonNode both = read("merged.json"), one = read("whole.json");
            assertThat(both.get("rate").asDouble()).isCloseTo(150, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(read("results/shard-0.json").get("rate").asDouble()).isEqualTo(75);
            // with a start instant the connections open before it and the first slot is due at it: the slots of
            // [0 s, 3 s) at 150/s, wherever they are sent from
            assertThat(due(both)).isEqualTo(due(one)).isEqualTo(450);
            assertThat(due(read("results/shard-0.json"))).isEqualTo(225);
        }
    }

    private void refusesAMissingOrDoubledShard(String runId) {
        InProcessKeelson keelson = new InProcessKeelson(dir);
        InProcessKeelson.Run missing = keelson.run("load", "merge", "results/shard-0.json", "results/shard-2.json");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err())
                .isEqualTo("error [BAD_RESULT]: cannot merge: shard 2/3 of run " + runId
                        + " is missing: give the results of all 3 shards\n");
        InProcessKeelson.Run doubled = keelson.run(
                "load",
                "merge",
                "results/shard-0.json",
                "results/shard-1.json",
                "results/shard-1.json",
                "results/shard-2.json");
        assertThat(doubled.exitCode()).isEqualTo(2);
        assertThat(doubled.err())
                .isEqualTo("error [BAD_RESULT]: cannot merge: shard 2/3 of run " + runId
                        + " is given twice: results/shard-1.json and results/shard-1.json\n");
        InProcessKeelson.Run mixed = keelson.run("load", "merge", "results/shard-0.json", "whole.json");
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).contains("results/shard-0.json is shard 1/3 of a run, whole.json a whole run");
    }

    /** The manifests as {@code load kubernetes --format json} writes them, starting 15 s from now. */
    private JsonNode manifests(int shards, String... loadArgs) throws Exception {
        Files.createDirectories(dir.resolve("results"));
        List<String> args = new ArrayList<>(List.of(
                "load",
                "kubernetes",
                "--shards",
                String.valueOf(shards),
                "--image",
                "keelson:test",
                "--format",
                "json",
                "--start-in",
                "15s"));
        args.addAll(List.of(loadArgs));
        InProcessKeelson.Run run = new InProcessKeelson(dir).run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private List<Process> startShards(JsonNode manifests, int shards) throws Exception {
        List<String> args = args(manifests.at("/manifests/1/spec/template/spec/containers/0/args"));
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < shards; i++) processes.add(keelson(args, "shard-" + i, i));
        return processes;
    }

    /** A pod's arguments as Kubernetes expands them: {@code $(JOB_COMPLETION_INDEX)}; the volume is results/. */
    private static List<String> args(JsonNode array) {
        List<String> args = new ArrayList<>();
        array.forEach(a -> args.add(a.asString().replace("/results/", "results/")));
        return args;
    }

    private Process keelson(List<String> args, String name, int index) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath(),
                "dev.keelson.cli.Keelson"));
        for (String arg : args) {
            command.add(index < 0 ? arg : arg.replace("$(JOB_COMPLETION_INDEX)", String.valueOf(index)));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        if (index >= 0) builder.environment().put(ShardOptions.JOB_INDEX, String.valueOf(index));
        return builder.start();
    }

    private void finish(Process process, String name) throws Exception {
        boolean ended = process.waitFor(150, TimeUnit.SECONDS);
        if (!ended) process.destroyForcibly();
        String err = Files.readString(dir.resolve(name + ".err"));
        assertThat(ended).as(name + " ended: " + err).isTrue();
        assertThat(process.exitValue()).as(name + ": " + err).isZero();
    }

    private JsonNode read(String file) throws Exception {
        return JSON.readTree(dir.resolve(file).toFile());
    }

    /** Every request due: answered or failed. */
    private static long due(JsonNode result) {
        return result.get("requests").asLong() + result.get("errors").asLong();
    }

    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null ? surefire : System.getProperty("java.class.path");
    }
}
