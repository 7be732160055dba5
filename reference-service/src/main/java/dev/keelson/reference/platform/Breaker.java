package dev.keelson.reference.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Remembers that a dependency (the database, Redis) just failed, so callers stop waiting on it for a while and fail
 * fast (or fall back) instead. After a failure the breaker is open for {@code openFor}; then one caller is let
 * through as a trial: its success closes the breaker, its failure opens it again. Thread-safe and lock-free.
 *
 * <p>Contract: {@link #allows()} is cheap enough for every request (one volatile read while closed).
 */
public final class Breaker {
    private static final long CLOSED = Long.MIN_VALUE;

    private final long openForNanos;
    private final LongSupplier nanoTime;
    /** {@link #CLOSED}, or the {@code nanoTime} after which the next caller may try. */
    private final AtomicLong retryAt = new AtomicLong(CLOSED);

    public Breaker(Duration openFor) {
        this(openFor, System::nanoTime);
    }

    /** With an injected clock ({@code System::nanoTime} in production), for tests. */
    public Breaker(Duration openFor, LongSupplier nanoTime) {
        if (openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("openFor must be positive, not " + openFor);
        }
        this.openForNanos = openFor.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * Whether the caller should use the dependency now: always while closed; while open, only the one caller that
     * arrives first after the open period (the trial), who must then report {@link #succeeded()} or {@link #failed()}.
     */
    public boolean allows() {
        long at = retryAt.get();
        if (at == CLOSED) {
            return true;
        }
        long now = nanoTime.getAsLong();
        // the trial pushes the next retry out by a full period, so its concurrent callers keep failing fast
        return now - at >= 0 && retryAt.compareAndSet(at, now + openForNanos);
    }

    /** The dependency answered: close. True for the one caller that closed an open breaker. */
    public boolean succeeded() {
        return retryAt.get() != CLOSED && retryAt.getAndSet(CLOSED) != CLOSED;
    }

    /** The dependency failed: open for the configured period from now. */
    public void failed() {
        retryAt.set(nanoTime.getAsLong() + openForNanos);
    }

    /** Whether the last call failed and no trial has succeeded since. */
    public boolean isOpen() {
        return retryAt.get() != CLOSED;
    }
}
