package dev.keelson.cli;

/** The exit codes of every keelson command; documented in {@code --help} and the README. */
public final class ExitCode {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The operation failed: a migration, a validation, a load run that could not complete. */
    public static final int FAILED = 1;
    /** Bad usage or configuration: fix the command line, the files or the settings. */
    public static final int USAGE = 2;
    /** A load test ran, but a {@code --threshold} was violated. */
    public static final int THRESHOLD_VIOLATED = 3;

    private ExitCode() {}
}
