package dev.keelson.cli;

/**
 * An operation that failed for a reason outside the command line (a build, a process, a server): one clear message
 * naming what failed and where its output is; exit code 1, no stack trace unless {@code --verbose}.
 */
public class CommandFailure extends RuntimeException {
    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
