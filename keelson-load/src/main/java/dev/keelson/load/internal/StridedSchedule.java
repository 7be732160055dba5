package dev.keelson.load.internal;

import dev.keelson.load.LoadConfig;
import dev.keelson.load.Model;

/**
 * Every {@code step}-th slot of the whole run's timetable from {@code offset}: how the slots are dealt out to the
 * shards of a run and, within a process, to its event loops. Shard {@code i/N}'s loop {@code w} of {@code W} takes
 * the whole run's slots {@code (i-1) + N·w + N·W·k}; over all shards and loops these are every slot exactly once.
 */
final class StridedSchedule implements Schedule {
    private final Schedule whole;
    private final long offset;
    private final long step;

    StridedSchedule(Schedule whole, long offset, long step) {
        this.whole = whole;
        this.offset = offset;
        this.step = step;
    }

    /** The timetable of the whole run (all shards, all loops) of an open-model configuration. */
    static Schedule whole(LoadConfig config) {
        if (config.model() != Model.OPEN) throw new IllegalArgumentException("the closed model has no timetable");
        return config.ramp() != null
                ? new RampSchedule(config.ramp(), 1)
                : new ConstantRateSchedule(config.rate(), config.rampUp().toNanos());
    }

    /** Event loop {@code loop} of {@code loops} in this process's shard. */
    static Schedule forLoop(LoadConfig config, int loop, int loops) {
        var shard = config.shard();
        return new StridedSchedule(
                whole(config), shard.index() - 1 + (long) shard.count() * loop, (long) shard.count() * loops);
    }

    @Override
    public long slot(long k) {
        return whole.slot(offset + step * k);
    }
}
