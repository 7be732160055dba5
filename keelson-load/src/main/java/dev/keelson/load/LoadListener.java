package dev.keelson.load;

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

    /** A listener that ignores everything. */
    static LoadListener none() {
        return new LoadListener() {};
    }
}
