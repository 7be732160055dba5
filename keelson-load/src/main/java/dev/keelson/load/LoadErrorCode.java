package dev.keelson.load;

/** Stable codes of {@link LoadException}s; they appear in messages and JSON and never change meaning. */
public enum LoadErrorCode {
    /** The target URL cannot be parsed or uses an unsupported scheme. */
    BAD_URL(true),
    /** The target host name does not resolve; like every server that cannot be reached, an operation that failed. */
    UNKNOWN_HOST(false),
    /** The target refused the probe connection before any load was sent. */
    CONNECTION_REFUSED(false),
    /** The TLS handshake of the probe connection failed (self-signed certificate without --insecure...). */
    TLS_FAILED(false),
    /** The target does not speak the HTTP version asked for (HTTP/2 against a server without it). */
    PROTOCOL_REFUSED(false),
    /** An option has an invalid value (negative users, rate and users both missing...). */
    BAD_CONFIG(true),
    /** A scenario file cannot be read or is invalid; the message names file and line. */
    BAD_SCENARIO(true),
    /** A threshold expression does not parse. */
    BAD_THRESHOLD(true),
    /** A JSON result file cannot be read (compare, merge). */
    BAD_RESULT(true),
    /** What {@code load init} drafts from is not an OpenAPI 3 document or a HAR recording; the message says why. */
    BAD_SOURCE(true),
    /** The run could not be carried out (the engine failed to start, a report could not be written). */
    RUN_FAILED(false);

    private final boolean usageError;

    LoadErrorCode(boolean usageError) {
        this.usageError = usageError;
    }

    /**
     * True when the user must fix the command line or its files (exit code 2); false when the operation failed (exit
     * code 1), as when the server cannot be reached: the same split as keelson-migrate's, where a database that cannot
     * be reached is an operation that failed too.
     */
    public boolean isUsageError() {
        return usageError;
    }
}
