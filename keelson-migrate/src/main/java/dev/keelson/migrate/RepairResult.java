package dev.keelson.migrate;

import java.util.List;

/**
 * What {@code repair} changed in the history.
 *
 * @param removedFailures     failed entries removed
 * @param realignedChecksums  entries whose checksum was updated to the file's current one
 * @param removedMissing      entries of missing files marked as deleted
 */
public record RepairResult(
        List<String> removedFailures, List<String> realignedChecksums, List<String> removedMissing) {
    public RepairResult {
        removedFailures = List.copyOf(removedFailures);
        realignedChecksums = List.copyOf(realignedChecksums);
        removedMissing = List.copyOf(removedMissing);
    }

    public boolean changedNothing() {
        return removedFailures.isEmpty() && realignedChecksums.isEmpty() && removedMissing.isEmpty();
    }
}
