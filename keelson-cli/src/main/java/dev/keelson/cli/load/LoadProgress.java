package dev.keelson.cli.load;

import dev.keelson.load.Durations;
import dev.keelson.load.LoadConfig;
import dev.keelson.load.LoadListener;
import dev.keelson.load.Progress;
import dev.keelson.load.TimelineSecond;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Live progress on standard error. On a terminal, a block of a few lines redrawn every second (elapsed and remaining
 * time, current and target rate, p50/p99 of the last second, errors by kind, per-step rates), as oha and k6 show; in
 * a pipe or a CI log, one plain line per second.
 */
final class LoadProgress implements LoadListener {
    private final PrintWriter err;
    private final boolean terminal;
    private long requests;
    private long errors;
    private int elapsed;
    /** Lines of the block drawn last on a terminal, to move back over. */
    private int blockLines;

    private int interrupts;
    private long budget;
    private boolean warned;
    private long durationSeconds;
    private double targetRate;
    private int users;

    private final boolean quiet;

    LoadProgress(PrintWriter err, boolean terminal) {
        this(err, terminal, false);
    }

    /** With {@code quiet} ({@code --quiet}), only what an interruption does is said. */
    LoadProgress(PrintWriter err, boolean terminal, boolean quiet) {
        this.err = err;
        this.terminal = terminal;
        this.quiet = quiet;
    }

    /** The run's request budget ({@code -n}), 0 for none: a budget that will take far too long is pointed out. */
    synchronized void budget(long requests) {
        this.budget = requests;
    }

    /** What the run is set to do, for the terminal's view: its duration, rate (open model) and users. */
    synchronized void plan(LoadConfig config) {
        this.budget = config.shardRequests(); // a shard's part of the run
        this.durationSeconds = config.duration().toSeconds();
        this.targetRate = config.shardRate();
        this.users = config.shardUsers();
    }

    @Override
    public synchronized void onProgress(Progress p) {
        TimelineSecond s = p.second();
        if (!s.warmup()) {
            requests += s.requests();
            errors += s.errors();
        }
        elapsed++;
        if (quiet) return;
        if (!s.warmup()) warnIfFarTooLong(s.second() + 1);
        if (terminal) {
            drawBlock(p);
        } else {
            err.println(String.format(
                    Locale.ROOT,
                    "%s%4ds  %9d requests  %9.1f/s  p99 %-9s errors %d",
                    s.warmup() ? "warmup " : "",
                    elapsed,
                    requests,
                    (double) s.requests(),
                    s.requests() == 0 ? "-" : Durations.formatMicros(s.p99Micros()),
                    errors));
        }
        err.flush();
    }

    /** Moves back over the last block and draws the new one, each line cleared first. */
    private void drawBlock(Progress p) {
        List<String> lines = block(p);
        if (blockLines > 0) err.print("\033[" + blockLines + "F");
        for (String line : lines) err.print("\033[2K" + line + "\n");
        blockLines = lines.size();
    }

    private List<String> block(Progress p) {
        TimelineSecond s = p.second();
        List<String> lines = new ArrayList<>();
        String time = s.warmup()
                ? String.format(Locale.ROOT, "warm-up %ds", elapsed)
                : durationSeconds > 0
                        ? String.format(
                                Locale.ROOT,
                                "%ds of %ds, %ds left",
                                s.second() + 1,
                                durationSeconds,
                                Math.max(0, durationSeconds - s.second() - 1))
                        : budget > 0
                                ? String.format(
                                        Locale.ROOT,
                                        "%ds, %d of %d requests",
                                        s.second() + 1,
                                        requests + errors,
                                        budget)
                                : String.format(Locale.ROOT, "%ds", s.second() + 1);
        String rate = targetRate > 0
                ? String.format(Locale.ROOT, "%d/s now, target %.0f/s", s.requests(), targetRate)
                : String.format(Locale.ROOT, "%d/s now, %d users", s.requests(), users);
        lines.add(String.format(Locale.ROOT, "  %-34s %-32s %d requests, %d errors", time, rate, requests, errors));
        lines.add("  last second   "
                + (s.requests() == 0
                        ? "no responses"
                        : "p50 " + Durations.formatMicros(s.p50Micros()) + "  p99 "
                                + Durations.formatMicros(s.p99Micros()))
                + (p.errorKinds().isEmpty()
                        ? "   no errors"
                        : "   errors: "
                                + p.errorKinds().entrySet().stream()
                                        .map(e -> e.getKey().label() + " " + e.getValue())
                                        .collect(Collectors.joining(", "))));
        if (!p.steps().isEmpty()) {
            lines.add("  steps         "
                    + p.steps().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue().requests() + "/s"
                                    + (e.getValue().errors() > 0
                                            ? " (" + e.getValue().errors() + " errors)"
                                            : ""))
                            .collect(Collectors.joining("  ")));
        }
        return lines;
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
        blockLines = 0;
        err.println(
                pace <= 0
                        ? "note: no request of the " + budget + " has ended in " + seconds
                                + "s; Ctrl-C ends the run with its report"
                        : String.format(
                                Locale.ROOT,
                                "note: at %.0f requests/s the remaining %d of %d requests take about %s;"
                                        + " Ctrl-C ends the run with its report",
                                pace,
                                budget - done,
                                budget,
                                hours(remaining)));
    }

    private static String hours(double seconds) {
        long s = (long) seconds;
        return s >= 3600
                ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    @Override
    public synchronized void onDraining(long inFlight, Duration upTo) {
        if (quiet) return;
        blockLines = 0;
        err.println(String.format(
                Locale.ROOT,
                "waiting up to %ds for %d answer(s) still in flight (their --timeout);" + " Ctrl-C to stop waiting",
                Math.max(1, upTo.toSeconds()),
                inFlight));
        err.flush();
    }

    /** Ctrl-C: says what happens next, on a line of its own. */
    synchronized void interrupted() {
        blockLines = 0; // the message stays below the block; the next block is drawn under it
        err.println(
                interrupts++ == 0
                        ? "interrupted: ending the run, awaiting answers in flight (Ctrl-C again to stop waiting)"
                        : "interrupted again: answers still in flight count as unfinished");
        err.flush();
    }

    /** Whether Ctrl-C or SIGTERM ended the run: its exit code is then 130, after the report. */
    synchronized boolean wasInterrupted() {
        return interrupts > 0;
    }

    /** The run ended: everything drawn is complete lines, so the report starts on a fresh one. */
    synchronized void finish() {
        err.flush();
    }
}
