package dev.keelson.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Part {@code index} of {@code count} of a run, as k6's execution segments: every counted thing of the whole run
 * (virtual users, open-model slots of the schedule, CSV rows, requests of a budget) is numbered from 0, and item
 * {@code g} belongs to the shard whose {@code index - 1} is {@code g mod count}. The shards are therefore disjoint
 * and together exactly the whole run: 10 users over 3 shards are 4, 3 and 3 (users 0,3,6,9 / 1,4,7 / 2,5,8), and a
 * rate's slots are dealt out in turn, so the union of the shards' schedules is the whole run's schedule.
 *
 * @param index 1-based
 * @param count how many shards the run has, at least 1
 */
public record Shard(int index, int count) {
    /** The whole run, not sharded. */
    public static final Shard WHOLE = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new LoadException(
                    LoadErrorCode.BAD_CONFIG,
                    "--shard " + index + "/" + count + " is not a shard: write i/N with 1 <= i <= N (e.g. 1/3, 2/3,"
                            + " 3/3 for three machines)");
        }
    }

    /** Parses {@code i/N}, e.g. {@code 2/3}; a bad text names the rule. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        try {
            if (parts.length == 2)
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            // named below
        }
        throw new LoadException(
                LoadErrorCode.BAD_CONFIG,
                "--shard '" + text + "' is not a shard: write i/N with 1 <= i <= N (e.g. 2/3: the second of three)");
    }

    /** True for the whole run ({@code 1/1}). */
    public boolean whole() {
        return count == 1;
    }

    /** How many of the items {@code 0 .. total-1} are this shard's. */
    public long share(long total) {
        return total < index ? 0 : (total - index) / count + 1;
    }

    /** How many of the items {@code 0 .. total-1} are this shard's. */
    public int share(int total) {
        return (int) share((long) total);
    }

    /** The whole run's number of this shard's {@code k}-th item (0-based). */
    public long item(long k) {
        return index - 1 + (long) count * k;
    }

    /** This shard's rows of a feed (round robin over the shards, so every row goes to exactly one). */
    public <T> List<T> rows(List<T> all) {
        List<T> mine = new ArrayList<>();
        for (int g = index - 1; g < all.size(); g += count) mine.add(all.get(g));
        return mine;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
