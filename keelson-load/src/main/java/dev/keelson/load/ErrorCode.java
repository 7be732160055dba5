package dev.keelson.load;

/** Stable codes of {@link LoadException}s; they appear in messages and JSON and never change meaning. */
public enum ErrorCode {
    /** The target URL cannot be parsed or uses an unsupported scheme. */
    BAD_URL(true),
    /** The target host name does not resolve. */
    UNKNOWN_HOST(true),
    /** The target refused the probe connection before any load was sent. */
    CONNECTION_REFUSED(true),
    /** The TLS handshake of the probe connection failed (self-signed certificate without --insecure...). */
    TLS_FAILED(true),
    /** An option has an invalid value (negative users, rate and users both missing...). */
    BAD_CONFIG(true),
    /** A scenario file cannot be read or is invalid; the message names file and line. */
    BAD_SCENARIO(true),
    /** A threshold expression does not parse. */
    BAD_THRESHOLD(true),
    /** A JSON result file cannot be read (compare, merge). */
    BAD_RESULT(true),
    /** The run could not be carried out (the engine failed to start, a report could not be written). */
    RUN_FAILED(false);

    private final boolean usageError;

    ErrorCode(boolean usageError) {
        this.usageError = usageError;
    }

    /** True when the user must fix the command line or its files (exit code 2). */
    public boolean isUsageError() {
        return usageError;
    }
}
