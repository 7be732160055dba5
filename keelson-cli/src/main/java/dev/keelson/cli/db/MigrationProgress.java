package dev.keelson.cli.db;

import dev.keelson.cli.CliEnvironment;
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
    private long lastPrinted;

    MigrationProgress(PrintWriter err, LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
        this.lastPrinted = start - EVERY_NANOS;
    }

    static MigrationProgress onStandardError(CliEnvironment environment) {
        return new MigrationProgress(environment.err(), System::nanoTime);
    }

    @Override
    public void waitingForLock(String holder, Duration waited) {
        say(false, "waiting for the migration lock held by " + holder + " (" + waited.toSeconds() + " s)");
    }

    /** Notices (a connection pooler detected, ...) are printed at once: they explain what follows. */
    @Override
    public void notice(String message) {
        err.println("note: " + message);
        err.flush();
    }

    @Override
    public void starting(MigrationType type, Version version, String script, int index, int total) {
        say(index == total, "[" + index + "/" + total + "] " + script);
    }

    private void say(boolean last, String line) {
        long now = nanoTime.getAsLong();
        if (now - start < QUIET.toNanos() || (!last && now - lastPrinted < EVERY_NANOS)) {
            return;
        }
        lastPrinted = now;
        err.println(line);
        err.flush();
    }
}
