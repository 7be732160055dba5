package dev.keelson.load;

import java.time.Duration;

/**
 * Receives the engine's progress. Called from one sampling thread, once per second of the run (warm-up included,
 * flagged), and never from an event loop, so implementations may block briefly (print a line).
 */
public interface LoadListener {
    /** One second of the run has been sampled. */
    default void onSecond(TimelineSecond second) {}

    /**
     * One second of the run has been sampled, with each scenario step's share and the errors by kind. Calls
     * {@link #onSecond(TimelineSecond)} unless overridden.
     */
    default void onProgress(Progress progress) {
        onSecond(progress.second());
    }

    /**
     * The load has ended and, a second later, {@code inFlight} requests still await their answers; the run ends when
     * they arrive or time out, at the latest after {@code upTo}.
     */
    default void onDraining(long inFlight, Duration upTo) {}

    /** A listener that ignores everything. */
    static LoadListener none() {
        return new LoadListener() {};
    }
}
