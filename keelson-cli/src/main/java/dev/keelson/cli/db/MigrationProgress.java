package dev.keelson.cli.db;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.migrate.ExecutedMigration;
import dev.keelson.migrate.MigrationListener;
import dev.keelson.migrate.MigrationType;
import dev.keelson.migrate.Version;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Progress on standard error, for runs long enough that silence would worry someone: nothing during the first
 * {@link #QUIET} of a run, then at most one line a second (and always the last migration's line).
 */
final class MigrationProgress implements MigrationListener {
    static final Duration QUIET = Duration.ofSeconds(2);
    private static final long EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final long start;
    private final boolean quiet;
    private long lastPrinted;
    private volatile String running;
    private volatile int finished;

    MigrationProgress(PrintWriter err, LongSupplier nanoTime) {
        this(err, nanoTime, false);
    }

    /** With {@code quiet} ({@code --quiet}) nothing is printed but what an interruption did. */
    MigrationProgress(PrintWriter err, LongSupplier nanoTime, boolean quiet) {
        this.err = err;
        this.nanoTime = nanoTime;
        this.quiet = quiet;
        this.start = nanoTime.getAsLong();
        this.lastPrinted = start - EVERY_NANOS;
    }

    static MigrationProgress onStandardError(CliEnvironment environment, boolean quiet) {
        return new MigrationProgress(environment.err(), System::nanoTime, quiet);
    }

    @Override
    public void finished(ExecutedMigration migration, int index, int total) {
        finished++;
        running = null;
    }

    /**
     * What the run did before Ctrl-C or SIGTERM ended the JVM, on a line of its own: the files finished (each committed
     * and recorded) and the one that was running, whose state {@code keelson db status} tells.
     */
    String interrupted() {
        String during = running;
        return "interrupted: " + finished + " file(s) finished and recorded"
                + (during == null
                        ? ""
                        : "; " + during + " was running: keelson db status shows whether it was applied, rolled back"
                                + " or stopped part-way (then migrate resumes it)");
    }

    @Override
    public void waitingForLock(String holder, Duration waited) {
        say(false, "waiting for the migration lock held by " + holder + " (" + waited.toSeconds() + " s)");
    }

    /** Notices (a connection pooler detected, ...) are printed at once: they explain what follows. */
    @Override
    public void notice(String message) {
        if (quiet) {
            return;
        }
        err.println("note: " + message);
        err.flush();
    }

    @Override
    public void starting(MigrationType type, Version version, String script, int index, int total) {
        running = script;
        say(index == total, "[" + index + "/" + total + "] " + script);
    }

    private void say(boolean last, String line) {
        long now = nanoTime.getAsLong();
        if (quiet || now - start < QUIET.toNanos() || (!last && now - lastPrinted < EVERY_NANOS)) {
            return;
        }
        lastPrinted = now;
        err.println(line);
        err.flush();
    }
}
