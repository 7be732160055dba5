package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.internal.history.EntryType;
import dev.keelson.migrate.internal.history.History;
import dev.keelson.migrate.internal.history.HistoryRow;
import dev.keelson.migrate.internal.resolve.MigrationScript;
import dev.keelson.migrate.internal.resolve.ScriptCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code migrate} runs, in order: pending versioned files up to the target, then repeatable files that
 * are new or changed since they last ran.
 */
final class MigratePlan {
    private final ScriptCatalog catalog;
    private final History history;
    private final Version target;
    private final boolean outOfOrder;

    MigratePlan(ScriptCatalog catalog, History history, Version target, boolean outOfOrder) {
        this.catalog = catalog;
        this.history = history;
        this.target = target;
        this.outOfOrder = outOfOrder;
    }

    /**
     * @throws MigrationException {@link MigrationErrorCode#INVALID_VERSION} for a target below the schema version,
     *     {@link MigrationErrorCode#OUT_OF_ORDER} for pending versions below the newest applied one
     */
    List<MigrationScript> scripts() {
        checkTarget();
        List<MigrationScript> versioned = pendingVersioned();
        checkOrder(versioned);
        List<MigrationScript> plan = new ArrayList<>(versioned);
        plan.addAll(changedRepeatables());
        return plan;
    }

    private void checkTarget() {
        Optional<Version> current = history.schemaVersion();
        if (target != null && current.isPresent() && target.compareTo(current.get()) < 0) {
            throw new MigrationException(
                    MigrationErrorCode.INVALID_VERSION,
                    "Target " + target + " is below the schema version " + current.get()
                            + "; migrate only moves forward, use `keelson db rollback --to " + target + "`");
        }
    }

    private List<MigrationScript> pendingVersioned() {
        var files = target == null ? catalog.versioned() : catalog.versioned().headMap(target, true);
        List<MigrationScript> pending = new ArrayList<>();
        for (MigrationScript s : files.values()) {
            if (!history.isApplied(s.version()) && !history.isBelowBaseline(s.version())) {
                pending.add(s);
            }
        }
        return pending;
    }

    private void checkOrder(List<MigrationScript> pending) {
        List<Version> applied = history.appliedVersions();
        if (outOfOrder || applied.isEmpty()) {
            return;
        }
        Version highest = applied.getLast();
        List<String> below = pending.stream()
                .filter(s -> s.version().compareTo(highest) < 0)
                .map(MigrationScript::fileName)
                .toList();
        if (!below.isEmpty()) {
            throw new MigrationException(
                    MigrationErrorCode.OUT_OF_ORDER,
                    "Pending " + String.join(", ", below)
                            + (below.size() == 1 ? " has a version" : " have versions")
                            + " below the newest applied version "
                            + highest + "; renumber above " + highest
                            + ", or allow out-of-order migrations (outOfOrder)");
        }
    }

    private List<MigrationScript> changedRepeatables() {
        List<MigrationScript> changed = new ArrayList<>();
        for (MigrationScript r : catalog.repeatable().values()) {
            Optional<HistoryRow> row = history.latestRepeatable(r.description());
            boolean ran = row.isPresent()
                    && row.get().type() == EntryType.REPEATABLE
                    && r.matches(row.get().checksum());
            if (!ran) {
                changed.add(r);
            }
        }
        return changed;
    }
}
