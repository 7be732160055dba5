package dev.keelson.cli.load;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.load.LoadConfig;
import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import dev.keelson.load.LoadTest;
import dev.keelson.load.Shard;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** {@code --shard}, {@code --start-at} and {@code --run-id}: one part of a run spread over several machines. */
final class ShardOptions {
    /** Set by Kubernetes in each pod of an Indexed Job: its completion index, from 0. */
    static final String JOB_INDEX = "JOB_COMPLETION_INDEX";

    @Option(
            names = "--shard",
            paramLabel = "i/N",
            description = "Run only the i-th of N disjoint parts of the run (1 <= i <= N): users, rate, stages,"
                    + " --requests and CSV rows are dealt out so that the N shards together are exactly the whole"
                    + " run; merge their JSON results with 'keelson load merge'. 'job/N' takes i from "
                    + JOB_INDEX + " + 1 (a Kubernetes Indexed Job's pod).")
    String shard;

    @Option(
            names = "--start-at",
            paramLabel = "INSTANT",
            description = "Start the load at this ISO-8601 instant (e.g. 2026-12-07T15:00:00Z), so shards started"
                    + " at different moments begin together; at once if it has passed (and said so).")
    String startAt;

    @Option(
            names = "--run-id",
            paramLabel = "ID",
            description = "Name the run the shards belong to (default: a digest of the shared options and"
                    + " --start-at); merge refuses shards of different runs.")
    String runId;

    void applyTo(LoadTest.Builder builder, CliEnvironment env) {
        if (shard != null) builder.shard(shard(env));
        if (startAt != null) builder.startAt(instant(startAt));
        if (runId != null) {
            if (shard == null)
                throw new LoadException(
                        LoadErrorCode.BAD_CONFIG, "--run-id names the run of shards; give --shard i/N too");
            builder.runId(runId);
        }
    }

    /** Says on standard error which shard this is and how long it waits for the start, before the run. */
    static void announce(LoadConfig config, CliEnvironment env, boolean quiet, Instant now) {
        if (!config.shard().whole() && !quiet) {
            env.err()
                    .println("shard " + config.shard() + " of run " + config.runId() + ": " + config.shardUsers()
                            + " of " + config.users() + " users"
                            + (config.requests() > 0
                                    ? ", " + config.shardRequests() + " of " + config.requests() + " requests"
                                    : ""));
        }
        if (config.startAt() == null) return;
        Duration wait = Duration.between(now, config.startAt());
        if (wait.isNegative()) {
            env.err()
                    .println("note: --start-at " + config.startAt() + " passed " + seconds(wait.negated())
                            + " ago: starting now, after the shards that started on time");
        } else if (!quiet) {
            env.err().println("waiting " + seconds(wait) + " for the start at " + config.startAt());
        }
        env.err().flush();
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    private Shard shard(CliEnvironment env) {
        if (!shard.startsWith("job/")) return Shard.parse(shard);
        String index = env.env().get(JOB_INDEX);
        if (index == null) {
            throw new LoadException(
                    LoadErrorCode.BAD_CONFIG,
                    "--shard " + shard + " takes its index from " + JOB_INDEX + ", which is not set (Kubernetes"
                            + " sets it in an Indexed Job's pods); elsewhere give the index: --shard 1/"
                            + shard.substring(4));
        }
        try {
            return Shard.parse((Integer.parseInt(index.trim()) + 1) + shard.substring(3));
        } catch (NumberFormatException e) {
            throw new LoadException(
                    LoadErrorCode.BAD_CONFIG,
                    JOB_INDEX + "='" + index + "' is not a number: --shard job/N needs 0, 1, ...");
        }
    }

    /** An ISO-8601 instant, in UTC ({@code Z}) or with an offset. */
    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new LoadException(
                    LoadErrorCode.BAD_CONFIG,
                    "--start-at '" + text + "' is not an instant: write ISO-8601 with a zone, e.g."
                            + " 2026-12-07T15:00:00Z or 2026-12-07T16:00:00+01:00");
        }
    }
}
