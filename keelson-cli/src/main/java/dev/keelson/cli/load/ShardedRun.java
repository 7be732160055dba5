package dev.keelson.cli.load;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code load kubernetes} was asked for, checked: the Job's name and image, the shards and their common start,
 * the load's arguments for every shard, the thresholds for the merge, the files for the working directory.
 */
record ShardedRun(
        String name,
        String namespace,
        String image,
        int shards,
        Instant startAt,
        String runId,
        List<String> loadArgs,
        List<String> thresholds,
        WorkingFiles files,
        String storageClass,
        String cpu,
        String memory,
        String mergeWait) {

    /** The files the shards' working directory holds, text or binary, by file name. */
    record WorkingFiles(Map<String, String> text, Map<String, String> binary) {
        boolean isEmpty() {
            return text.isEmpty() && binary.isEmpty();
        }
    }
}
