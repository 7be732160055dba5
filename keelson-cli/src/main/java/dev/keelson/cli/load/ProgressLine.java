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
    private int interrupts;
    private long budget;
    private boolean warned;

    ProgressLine(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** The run's request budget ({@code -n}), 0 for none: a budget that will take far too long is pointed out. */
    synchronized void budget(long requests) {
        this.budget = requests;
    }

    @Override
    public synchronized void onSecond(TimelineSecond s) {
        if (!s.warmup()) {
            requests += s.requests();
            errors += s.errors();
        }
        if (!s.warmup()) warnIfFarTooLong(s.second() + 1);
        String line = String.format(Locale.ROOT, "%s%4ds  %9d requests  %9.1f/s  p99 %-9s errors %d",
                s.warmup() ? "warmup " : "", ++elapsed, requests, (double) s.requests(),
                s.requests() == 0 ? "-" : Durations.formatMicros(s.p99Micros()), errors);
        if (terminal) {
            err.print("\r\033[K" + line);
            drawn = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /**
     * After 3 s, once: when finishing the request budget at the pace so far would take over 5 minutes and over 10
     * times what has run, says how long (a black hole with -n 1000000 --timeout 100ms would run for hours).
     */
    private void warnIfFarTooLong(int seconds) {
        if (warned || budget == 0 || seconds < 3) return;
        long done = requests + errors;
        double pace = (double) done / seconds;
        double remaining = pace <= 0 ? Double.POSITIVE_INFINITY : (budget - done) / pace;
        if (remaining < 300 || remaining < 10.0 * seconds) return;
        warned = true;
        if (drawn) err.println();
        drawn = false;
        err.println(pace <= 0
                ? "note: no request of the " + budget + " has ended in " + seconds + "s; Ctrl-C ends the run with its report"
                : String.format(Locale.ROOT, "note: at %.0f requests/s the remaining %d of %d requests take about %s;"
                        + " Ctrl-C ends the run with its report", pace, budget - done, budget, hours(remaining)));
    }

    private static String hours(double seconds) {
        long s = (long) seconds;
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    /** Ctrl-C: says what happens next, on a line of its own. */
    synchronized void interrupted() {
        if (drawn) err.println();
        drawn = false;
        err.println(interrupts++ == 0
                ? "interrupted: ending the run, awaiting answers in flight (Ctrl-C again to stop waiting)"
                : "interrupted again: answers still in flight count as unfinished");
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
