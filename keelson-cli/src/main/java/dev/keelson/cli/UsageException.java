package dev.keelson.cli;

/** A mistake the user must fix in the command line or its files; ends with exit code 2 and no stack trace. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
