package dev.keelson.migrate.internal.sql;

/** A script that cannot be split: says what was left open and on which line it started. */
public final class SqlParseException extends RuntimeException {
    private final int line;

    public SqlParseException(String message, int line) {
        super(message + " (line " + line + ")");
        this.line = line;
    }

    public int line() {
        return line;
    }
}
