package dev.keelson.load.internal;

import java.util.concurrent.CountDownLatch;

/**
 * How a run is ended from outside (Ctrl-C): the first {@link #stop()} ends the load as if its duration had elapsed
 * (answers still outstanding are awaited up to their timeout), the second stops waiting for them.
 */
public final class StopSignal {
    final CountDownLatch end = new CountDownLatch(1);
    final CountDownLatch now = new CountDownLatch(1);

    /** Ends the load; called again, stops waiting for outstanding answers. Safe from any thread. */
    public void stop() {
        if (end.getCount() > 0) {
            end.countDown();
        } else {
            now.countDown();
        }
    }
}
