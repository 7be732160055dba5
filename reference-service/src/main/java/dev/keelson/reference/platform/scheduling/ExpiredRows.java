package dev.keelson.reference.platform.scheduling;

/**
 * A table whose rows outlive their use (expired refresh tokens, old idempotency records). The scheduled purge job
 * calls every bean of this type in small batches, so no single statement holds locks for long.
 */
public interface ExpiredRows {
    /** What the rows are, for the log ({@code "refresh tokens"}). */
    String name();

    /** Deletes up to {@code limit} expired rows in its own statement; how many it deleted. */
    int purge(int limit);
}
