package dev.keelson.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Whether results are the shards of one run, each once; the words name the files and the shards at fault. */
final class ShardCheck {
    private ShardCheck() {}

    /** Why {@code runs} (named {@code names}) cannot be merged as shards; empty when they can. */
    static Optional<String> check(List<LoadResult> runs, List<String> names) {
        List<Integer> sharded = new ArrayList<>(), whole = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) (runs.get(i).shard() == null ? whole : sharded).add(i);
        if (sharded.isEmpty()) return Optional.empty();
        if (!whole.isEmpty()) {
            int s = sharded.get(0), w = whole.get(0);
            return Optional.of(names.get(s) + " is shard " + runs.get(s).shard() + " of a run, " + names.get(w)
                    + " a whole run: merge the shards of one run without other results");
        }
        LoadResult first = runs.get(0);
        for (int i = 1; i < runs.size(); i++) {
            LoadResult other = runs.get(i);
            if (!first.runId().equals(other.runId())) {
                return Optional.of(names.get(0) + " is of run " + first.runId() + ", " + names.get(i) + " of run "
                        + other.runId() + ": shards of different runs (give every shard the same command line,"
                        + " --start-at and --run-id)");
            }
            if (first.shard().count() != other.shard().count()) {
                return Optional.of(names.get(0) + " is shard " + first.shard() + ", " + names.get(i) + " shard "
                        + other.shard() + ": the run was cut into different numbers of shards");
            }
        }
        TreeMap<Integer, Integer> seen = new TreeMap<>();
        for (int i = 0; i < runs.size(); i++) {
            Integer before = seen.putIfAbsent(runs.get(i).shard().index(), i);
            if (before != null) {
                return Optional.of("shard " + runs.get(i).shard() + " of run " + first.runId() + " is given twice: "
                        + names.get(before) + " and " + names.get(i));
            }
        }
        int count = first.shard().count();
        List<String> missing = new ArrayList<>();
        for (int index = 1; index <= count; index++) {
            if (!seen.containsKey(index)) missing.add(index + "/" + count);
        }
        if (missing.isEmpty()) return Optional.empty();
        return Optional.of((missing.size() == 1 ? "shard " : "shards ") + String.join(", ", missing) + " of run "
                + first.runId() + (missing.size() == 1 ? " is" : " are") + " missing: give the results of all " + count
                + " shards");
    }
}
