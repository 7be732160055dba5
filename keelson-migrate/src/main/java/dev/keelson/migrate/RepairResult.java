package dev.keelson.migrate;

import java.util.List;

/**
 * What {@code repair} changed in the history.
 *
 * @param removedFailures     failed entries removed
 * @param realignedChecksums  entries whose checksum was updated to the file's current one
 * @param removedMissing      entries of missing files marked as deleted
 * @param resumePoints        files the next {@code migrate} resumes, with where ({@code V3__x.sql resumes at statement 4 of 5})
 * @param upgradedChecksums   files whose stored checksum was rewritten from an older format in the current one
 */
public record RepairResult(
        List<String> removedFailures,
        List<String> realignedChecksums,
        List<String> removedMissing,
        List<String> resumePoints,
        List<String> upgradedChecksums) {
    public RepairResult {
        removedFailures = List.copyOf(removedFailures);
        realignedChecksums = List.copyOf(realignedChecksums);
        removedMissing = List.copyOf(removedMissing);
        resumePoints = List.copyOf(resumePoints);
        upgradedChecksums = List.copyOf(upgradedChecksums);
    }

    /** A result of the default repair. */
    public RepairResult(List<String> removedFailures, List<String> realignedChecksums, List<String> removedMissing) {
        this(removedFailures, realignedChecksums, removedMissing, List.of(), List.of());
    }

    public boolean changedNothing() {
        return removedFailures.isEmpty()
                && realignedChecksums.isEmpty()
                && removedMissing.isEmpty()
                && resumePoints.isEmpty()
                && upgradedChecksums.isEmpty();
    }
}
