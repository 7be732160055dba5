package dev.keelson.migrate.internal.database.mysql;

import dev.keelson.migrate.internal.sql.Keyword;
import dev.keelson.migrate.internal.sql.SqlParseException;

/**
 * The mysql client's {@code DELIMITER} directive: {@code DELIMITER //} on its own, where a statement could start,
 * makes {@code //} end statements from then on; {@code DELIMITER ;} restores the default. The directive is read by
 * the client and never sent to the server.
 */
final class DelimiterDirective {
    private static final String KEYWORD = "DELIMITER";

    private DelimiterDirective() {}

    /** True when the word {@code [start, end)} is {@code DELIMITER} followed by a blank or the end of the script. */
    static boolean matches(String src, int start, int end) {
        return Keyword.is(src, start, end, KEYWORD) && (end == src.length() || src.charAt(end) <= ' ');
    }

    /**
     * The new delimiter: the first blank-separated token of {@code src[from, lineEnd)}, or a quoted one.
     *
     * @throws SqlParseException when there is none or it contains a backslash, as the mysql client refuses both
     */
    static String argument(String src, int from, int lineEnd, int line) {
        int s = from;
        while (s < lineEnd && src.charAt(s) <= ' ') {
            s++;
        }
        String token =
                s < lineEnd && isQuote(src.charAt(s)) ? quotedToken(src, s, lineEnd) : plainToken(src, s, lineEnd);
        if (token.isEmpty()) {
            throw new SqlParseException("DELIMITER needs the new delimiter after it, for example DELIMITER //", line);
        }
        if (token.indexOf('\\') >= 0) {
            throw new SqlParseException("DELIMITER cannot contain a backslash: " + token, line);
        }
        return token;
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"' || c == '`';
    }

    private static String quotedToken(String src, int open, int lineEnd) {
        int close = src.indexOf(src.charAt(open), open + 1);
        return src.substring(open + 1, close < 0 || close > lineEnd ? lineEnd : close);
    }

    private static String plainToken(String src, int s, int lineEnd) {
        int e = s;
        while (e < lineEnd && src.charAt(e) > ' ') {
            e++;
        }
        return src.substring(s, e);
    }
}
