package dev.keelson.migrate.internal.lint;

import dev.keelson.migrate.lint.LintDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts one statement (already split, so every quote and comment is closed) into {@link Token}s. Comments are
 * dropped; strings, dollar quotes and quoted identifiers are one token each. PostgreSQL: {@code "x"} identifiers,
 * {@code $tag$…$tag$}, {@code E'…'}. MySQL: {@code `x`} identifiers, {@code "…"} strings, backslash escapes,
 * {@code #} comments.
 */
public final class Tokenizer {
    private final LintDialect dialect;

    public Tokenizer(LintDialect dialect) {
        this.dialect = dialect;
    }

    /** The tokens of {@code sql}, comments dropped. */
    public List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < sql.length()) {
            i = next(sql, i, tokens);
        }
        return tokens;
    }

    private int next(String s, int i, List<Token> out) {
        char c = s.charAt(i);
        if (Character.isWhitespace(c)) {
            return i + 1;
        }
        if (c == '-' && s.startsWith("--", i) || c == '#' && dialect == LintDialect.MYSQL) {
            int end = s.indexOf('\n', i);
            return end < 0 ? s.length() : end + 1;
        }
        if (c == '/' && s.startsWith("/*", i) && !s.startsWith("/*!", i) && !s.startsWith("/*M!", i)) {
            int end = s.indexOf("*/", i + 2);
            return end < 0 ? s.length() : end + 2;
        }
        if (c == '\'') {
            return add(out, Token.Kind.STRING, s, i, quoted(s, i, '\'', dialect == LintDialect.MYSQL));
        }
        if ((c == 'E' || c == 'e')
                && i + 1 < s.length()
                && s.charAt(i + 1) == '\''
                && dialect == LintDialect.POSTGRESQL) {
            return add(out, Token.Kind.STRING, s, i, quoted(s, i + 1, '\'', true));
        }
        if (c == '"') {
            return dialect == LintDialect.MYSQL
                    ? add(out, Token.Kind.STRING, s, i, quoted(s, i, '"', true))
                    : identifier(s, i, '"', out);
        }
        if (c == '`' && dialect == LintDialect.MYSQL) {
            return identifier(s, i, '`', out);
        }
        if (c == '$' && dialect == LintDialect.POSTGRESQL) {
            int end = dollarQuote(s, i);
            if (end > 0) {
                return add(out, Token.Kind.STRING, s, i, end);
            }
        }
        if (Character.isLetter(c) || c == '_') {
            return add(out, Token.Kind.WORD, s, i, wordEnd(s, i));
        }
        if (Character.isDigit(c)) {
            int end = i;
            while (end < s.length() && (Character.isDigit(s.charAt(end)) || s.charAt(end) == '.')) {
                end++;
            }
            return add(out, Token.Kind.NUMBER, s, i, end);
        }
        int end = s.startsWith("::", i) ? i + 2 : i + 1;
        return add(out, Token.Kind.SYMBOL, s, i, end);
    }

    private static int add(List<Token> out, Token.Kind kind, String s, int start, int end) {
        out.add(new Token(kind, s.substring(start, end), start));
        return end;
    }

    private static int wordEnd(String s, int i) {
        int end = i;
        while (end < s.length()
                && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_' || s.charAt(end) == '$')) {
            end++;
        }
        return end;
    }

    /** The index after the closing quote of the literal opening at {@code start}. */
    private static int quoted(String s, int start, char quote, boolean backslash) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (backslash && c == '\\') {
                i += 2;
            } else if (c == quote && i + 1 < s.length() && s.charAt(i + 1) == quote) {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return s.length();
    }

    private static int identifier(String s, int start, char quote, List<Token> out) {
        int end = quoted(s, start, quote, false);
        String inner = s.substring(start + 1, Math.max(start + 1, end - 1));
        out.add(new Token(Token.Kind.QUOTED, inner.replace("" + quote + quote, "" + quote), start));
        return end;
    }

    /** The end of a dollar quote opening at {@code start}, or -1 when {@code $} does not open one ({@code $1}). */
    private static int dollarQuote(String s, int start) {
        int tagEnd = start + 1;
        while (tagEnd < s.length() && (Character.isLetterOrDigit(s.charAt(tagEnd)) || s.charAt(tagEnd) == '_')) {
            tagEnd++;
        }
        if (tagEnd >= s.length()
                || s.charAt(tagEnd) != '$'
                || tagEnd > start + 1 && Character.isDigit(s.charAt(start + 1))) {
            return -1;
        }
        String tag = s.substring(start, tagEnd + 1);
        int close = s.indexOf(tag, tagEnd + 1);
        return close < 0 ? s.length() : close + tag.length();
    }
}
