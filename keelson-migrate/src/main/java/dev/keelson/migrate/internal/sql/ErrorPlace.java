package dev.keelson.migrate.internal.sql;

/**
 * Where in its file a statement failed, with the database's message: the server's position inside the statement
 * (PostgreSQL's character offset, MySQL/MariaDB's line) translated to the file's line and column, so nobody counts
 * characters by hand.
 *
 * <p>{@code column}, in the factories, is where the statement starts on its first line ({@link #startColumn}).
 *
 * @param line    the 1-based line in the file
 * @param column  the 1-based column on that line, 0 when the database gave no position inside the statement
 * @param message the database's message, without the position it gave (now said by line and column)
 */
public record ErrorPlace(int line, int column, String message) {

    /**
     * The 1-based column where {@code sql} starts in {@code script} (the file as written): its first line found on
     * the line it starts on, or 1 when a placeholder changed it beyond recognition.
     */
    public static int startColumn(String script, SqlStatement sql) {
        String text = script.startsWith("\uFEFF") ? script.substring(1) : script;
        String[] lines = text.split("\r?\n|\r", -1);
        if (sql.line() < 1 || sql.line() > lines.length) {
            return 1;
        }
        String line = lines[sql.line() - 1];
        String head = sql.sql().lines().findFirst().orElse("");
        int at = line.indexOf(head);
        if (at < 0) { // a placeholder on the line: its start, at least, is as written
            at = line.indexOf(head.substring(0, Math.min(head.length(), 12)));
        }
        return at < 0 ? 1 : at + 1;
    }

    /** The statement's first line: the database said nothing more precise. */
    public static ErrorPlace statementStart(SqlStatement sql, String message) {
        return new ErrorPlace(sql.line(), 0, message);
    }

    /** The character at 1-based {@code offset} in the statement's text; out of range, its first line. */
    public static ErrorPlace atOffset(SqlStatement sql, int column, int offset, String message) {
        String text = sql.sql();
        if (offset < 1 || offset > text.length() + 1) {
            return statementStart(sql, message);
        }
        String before = text.substring(0, offset - 1);
        int breaks = (int) before.chars().filter(c -> c == '\n').count();
        int lineStart = before.lastIndexOf('\n') + 1;
        int at = breaks == 0 ? column + offset - 1 : offset - lineStart;
        return new ErrorPlace(sql.line() + breaks, at, message);
    }

    /**
     * Line {@code lineInStatement} (1-based) of the statement, at the first occurrence of {@code near} on it (the text
     * MySQL and MariaDB quote after "near"), or at its start when that text is not on it.
     */
    public static ErrorPlace atLine(SqlStatement sql, int column, int lineInStatement, String near, String message) {
        String[] lines = sql.sql().split("\n", -1);
        if (lineInStatement < 1 || lineInStatement > lines.length) {
            return statementStart(sql, message);
        }
        String line = lines[lineInStatement - 1];
        int at = near.isEmpty() ? -1 : line.indexOf(near);
        int placed = at < 0 ? 0 : at + 1 + (lineInStatement == 1 ? column - 1 : 0);
        return new ErrorPlace(sql.line() + lineInStatement - 1, placed, message);
    }

    /** {@code line 4, column 12}, or {@code line 4} without a column. */
    public String describe() {
        return "line " + line + (column > 0 ? ", column " + column : "");
    }
}
