package dev.keelson.cli.load;

import dev.keelson.load.Durations;
import dev.keelson.load.LoadListener;
import dev.keelson.load.TimelineSecond;
import java.io.PrintWriter;
import java.util.Locale;

/** Live progress on standard error: one redrawn line on a terminal, one plain line per second otherwise. */
final class ProgressLine implements LoadListener {
    private final PrintWriter err;
    private final boolean terminal;
    private long requests;
    private long errors;
    private int elapsed;
    private boolean drawn;

    ProgressLine(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void onSecond(TimelineSecond s) {
        if (!s.warmup()) {
            requests += s.requests();
            errors += s.errors();
        }
        String line = String.format(Locale.ROOT, "%s%4ds  %9d requests  %9.1f/s  p99 %-9s errors %d",
                s.warmup() ? "warmup " : "", ++elapsed, requests, (double) s.requests(),
                Durations.formatMicros(s.p99Micros()), errors);
        if (terminal) {
            err.print("\r\033[K" + line);
            drawn = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends the redrawn line so the report starts on a fresh one. */
    synchronized void finish() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}
