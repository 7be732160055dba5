package dev.keelson.migrate.internal.history;

import dev.keelson.migrate.Version;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The state the history rows imply, kept in one pass over the rows: for each version and each repeatable
 * description, the row written last decides. Rows another migrator wrote later are {@link #append appended}
 * at the cost of those rows only. Not thread-safe.
 */
public final class History {
    private final boolean exists;
    private final List<HistoryRow> rows = new ArrayList<>();
    private final TreeMap<Version, HistoryRow> latestByVersion = new TreeMap<>();
    private final Map<String, HistoryRow> latestRepeatable = new HashMap<>();
    private final Set<Version> appliedOutOfOrder = new HashSet<>();
    private boolean outOfOrderKnown;
    private HistoryRow baseline;
    private int maxRank;

    private History(boolean exists, List<HistoryRow> rows) {
        this.exists = exists;
        rows.forEach(this::append);
    }

    /**
     * Adds a row written after the ones already here (or replaces the row of the same rank, which a run
     * updates while a file runs outside a transaction).
     */
    public void append(HistoryRow row) {
        if (!rows.isEmpty() && rows.getLast().rank() == row.rank()) {
            rows.set(rows.size() - 1, row);
        } else {
            rows.add(row);
        }
        maxRank = Math.max(maxRank, row.rank());
        outOfOrderKnown = false;
        switch (row.type()) {
            case BASELINE -> baseline = row;
            case CHECKSUM_UPGRADE -> {} // an audit entry: no migration's state changes
            default -> {
                if (row.version() != null) {
                    latestByVersion.put(row.version(), row);
                } else {
                    latestRepeatable.put(row.description(), row);
                }
            }
        }
    }

    /** No history table. */
    public static History absent() {
        return new History(false, List.of());
    }

    public static History of(List<HistoryRow> rows) {
        return new History(true, rows);
    }

    private void findOutOfOrder() {
        appliedOutOfOrder.clear();
        outOfOrderKnown = true;
        Version highest = null;
        for (HistoryRow row : rows) {
            if (row.type() == EntryType.VERSIONED && row.success() && isApplied(row.version())) {
                if (highest != null && row.version().compareTo(highest) < 0) {
                    appliedOutOfOrder.add(row.version());
                }
                highest = highest == null || row.version().compareTo(highest) > 0 ? row.version() : highest;
            }
        }
    }

    public boolean exists() {
        return exists;
    }

    public List<HistoryRow> rows() {
        return List.copyOf(rows);
    }

    /** The highest rank written; 0 for none. */
    public int maxRank() {
        return maxRank;
    }

    /** The rank the next row gets. */
    public int nextRank() {
        return maxRank + 1;
    }

    /** The last row of a version (versioned, undo or deleted), if any. */
    public Optional<HistoryRow> latest(Version version) {
        return Optional.ofNullable(latestByVersion.get(version));
    }

    /** The last row of a repeatable description, if any. */
    public Optional<HistoryRow> latestRepeatable(String description) {
        return Optional.ofNullable(latestRepeatable.get(description));
    }

    public Collection<HistoryRow> latestVersionRows() {
        return latestByVersion.values();
    }

    public Collection<HistoryRow> latestRepeatableRows() {
        return latestRepeatable.values();
    }

    public Optional<HistoryRow> baseline() {
        return Optional.ofNullable(baseline);
    }

    /** True when the version's last row is a successful run of its versioned file. */
    public boolean isApplied(Version version) {
        HistoryRow row = latestByVersion.get(version);
        return row != null && row.type() == EntryType.VERSIONED && row.success();
    }

    /** True when the version is at or below the baseline. */
    public boolean isBelowBaseline(Version version) {
        return baseline != null && version.compareTo(baseline.version()) <= 0;
    }

    /** Whether an applied version ran after a higher one. */
    public boolean appliedOutOfOrder(Version version) {
        if (!outOfOrderKnown) {
            findOutOfOrder();
        }
        return appliedOutOfOrder.contains(version);
    }

    /** Rows whose last attempt failed, in rank order. */
    public List<HistoryRow> failed() {
        List<HistoryRow> failed = new ArrayList<>();
        for (HistoryRow row : latestByVersion.values()) {
            if (!row.success()) {
                failed.add(row);
            }
        }
        for (HistoryRow row : latestRepeatable.values()) {
            if (!row.success()) {
                failed.add(row);
            }
        }
        failed.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
        return failed;
    }

    /** Every failed row, including older attempts, for {@code repair}. */
    public List<HistoryRow> allFailedRows() {
        return rows.stream().filter(r -> !r.success()).toList();
    }

    /** Applied versions (not counting the baseline), ascending. */
    public List<Version> appliedVersions() {
        List<Version> applied = new ArrayList<>();
        for (HistoryRow row : latestByVersion.values()) {
            if (row.type() == EntryType.VERSIONED && row.success()) {
                applied.add(row.version());
            }
        }
        return applied;
    }

    /** The newest applied version, counting the baseline. */
    public Optional<Version> schemaVersion() {
        Version top = baseline == null ? null : baseline.version();
        for (HistoryRow row : latestByVersion.descendingMap().values()) {
            if (row.type() == EntryType.VERSIONED && row.success()) {
                if (top == null || row.version().compareTo(top) > 0) {
                    top = row.version();
                }
                break;
            }
        }
        return Optional.ofNullable(top);
    }
}
