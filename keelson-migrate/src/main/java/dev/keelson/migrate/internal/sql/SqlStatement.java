package dev.keelson.migrate.internal.sql;

import java.util.Optional;

/**
 * One statement cut from a script, ready to send over JDBC.
 *
 * <p>A PostgreSQL {@code COPY … FROM STDIN} carries its data: its {@code sql} is the text as written from
 * {@code COPY} through the {@code ;} and the data lines up to and including the {@code \.} line (or the end of
 * the script), and {@link #copyIn()} separates the two for {@code CopyManager.copyIn(command, reader)}.
 *
 * @param sql  the statement text without its terminating delimiter, comments inside it kept
 * @param line the 1-based line of the script where the statement starts (its first non-blank, non-comment
 *             character), so errors can name it
 */
public record SqlStatement(String sql, int line) {

    /**
     * The command and the inline data of a PostgreSQL {@code COPY … FROM STDIN} statement, empty for any other.
     *
     * @param command the {@code COPY} command without its {@code ;}
     * @param data    the data lines, each ending with its line break, without the terminating {@code \.} line
     */
    public record CopyIn(String command, String data) {}

    /** For a statement split with {@link SplitRules#POSTGRESQL} that is {@code COPY … FROM STDIN}: its parts. */
    public Optional<CopyIn> copyIn() {
        if (!sql.regionMatches(true, 0, "COPY", 0, 4)) {
            return Optional.empty();
        }
        int end = ScriptScanner.copyCommandEnd(sql);
        if (end < 0) {
            return Optional.empty();
        }
        int dataStart = afterLineBreak(end + 1);
        int dataEnd = sql.length();
        if (sql.endsWith("\\.") && (dataEnd - 2 == dataStart || isLineBreak(sql.charAt(dataEnd - 3)))) {
            dataEnd -= 2;
        }
        String data = sql.substring(Math.min(dataStart, dataEnd), dataEnd);
        if (!data.isEmpty() && !isLineBreak(data.charAt(data.length() - 1))) {
            data += "\n";
        }
        return Optional.of(new CopyIn(sql.substring(0, end).strip(), data));
    }

    private int afterLineBreak(int from) {
        int i = from;
        while (i < sql.length() && !isLineBreak(sql.charAt(i))) {
            i++;
        }
        if (i < sql.length() && sql.charAt(i) == '\r' && i + 1 < sql.length() && sql.charAt(i + 1) == '\n') {
            return i + 2;
        }
        return Math.min(i + 1, sql.length());
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }
}
