package dev.keelson.cli;

/**
 * The exit codes of every keelson command, one table for the whole CLI (docs/cli.md). Each command's help lists the
 * codes it can end with, worded for it, under {@link #HEADING}; {@link Keelson} maps every failure to one of them.
 */
public final class ExitCode {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** The operation failed: a migration, a validation, a server that cannot be reached, a build, a load run. */
    public static final int FAILED = 1;
    /** Bad usage or configuration: fix the command line, the files or the settings; nothing was changed. */
    public static final int USAGE = 2;
    /** The command ran, but a threshold was violated or a metric regressed beyond the allowed change. */
    public static final int THRESHOLD_VIOLATED = 3;
    /** Interrupted by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it); what was done is printed first. */
    public static final int INTERRUPTED = 130;

    /** The heading of every command's exit-code list. */
    public static final String HEADING = "%nExit codes (the same for every command, see docs/cli.md):%n";
    /** The line for {@link #OK} where nothing more specific is said. */
    public static final String DONE = "0:done";
    /** The line for {@link #USAGE}. */
    public static final String BAD_USAGE = "2:bad usage or configuration; the message names what to fix";
    /** The line for {@link #INTERRUPTED}. */
    public static final String INTERRUPTED_LINE = "130:interrupted (Ctrl-C or SIGTERM), after saying what was done";

    private ExitCode() {}
}
