package dev.keelson.cli.demo;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The demo's progress on standard error: {@code [3/7] Starting PostgreSQL ... 2.1 s}, numbered, with durations. */
final class Steps {
    private final PrintWriter err;
    private final Clock clock;
    private final int total;
    private final Instant start;
    private int current;
    private Instant stepStart;

    Steps(PrintWriter err, Clock clock, int total) {
        this.err = err;
        this.clock = clock;
        this.total = total;
        this.start = clock.instant();
    }

    /** Starts the next step. */
    void begin(String title) {
        current++;
        stepStart = clock.instant();
        err.printf("[%d/%d] %s%n", current, total, title);
        err.flush();
    }

    /** Ends the current step with what it did. */
    void done(String what) {
        err.printf("      %s (%s)%n", what, seconds(Duration.between(stepStart, clock.instant())));
        err.flush();
    }

    /** A line about the current step while it runs. */
    void note(String line) {
        err.println("      " + line);
        err.flush();
    }

    Duration elapsed() {
        return Duration.between(start, clock.instant());
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
