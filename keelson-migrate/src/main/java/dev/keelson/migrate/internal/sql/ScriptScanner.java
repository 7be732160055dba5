package dev.keelson.migrate.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * One pass over one script: the lexical core behind {@link StatementSplitter}, holding only what every client
 * shares. Not thread-safe; make one per script.
 *
 * <p>The core knows blanks, parentheses, words, numbers, the delimiter ({@code ;} unless a client changes it),
 * {@code '…'} strings and {@code "…"} identifiers with doubled quotes, {@code --} line comments and
 * {@code /* *}{@code /} block comments that do not nest. Each other character first goes to the database's
 * {@link ScriptRules#lex}, which may read it with the primitives below (a quote with backslash escapes, a nested
 * comment, a dollar quote, a line of its own); quoted text and comments are skipped as units, so a delimiter inside
 * them never splits. Keyword-level rules (bodies, triggers, {@code COPY} data) are the {@link ScriptRules}' too.
 */
public final class ScriptScanner {
    private static final String DEFAULT_DELIMITER = ";";
    /** Editors on Windows start UTF-8 files with it; no database wants it in a statement. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String src;
    private final int len;
    private final ScriptRules rules;
    private final boolean dollarInWords;
    private final List<SqlStatement> statements = new ArrayList<>();
    private String delimiter = DEFAULT_DELIMITER;
    private int pos;
    private int line = 1;
    /** Offset of the current statement's first significant character, or -1 while there is none. */
    private int start = -1;

    private int startLine;
    private int parenDepth;

    /** A scanner of {@code script} that follows {@code rules}, made for this script alone. */
    public ScriptScanner(String script, ScriptRules rules) {
        this.src = script;
        this.len = script.length();
        this.rules = rules;
        this.dollarInWords = rules.dollarInWords();
    }

    /** The statements, in order. */
    public List<SqlStatement> scan() {
        while (pos < len) {
            step();
        }
        rules.finish();
        emit(len);
        return statements;
    }

    private void step() {
        if (atDelimiter(pos)) {
            delimiter();
            return;
        }
        char c = src.charAt(pos);
        switch (c) {
            case ' ', '\t', '\f', '\n', '\r', BYTE_ORDER_MARK -> consume();
            case '(' -> paren(1);
            case ')' -> paren(-1);
            default -> {
                if (!rules.lex(this, c)) {
                    common(c);
                }
            }
        }
    }

    private void common(char c) {
        switch (c) {
            case '\'' -> quoted('\'', false, "string literal");
            case '"' -> quoted('"', false, "quoted identifier");
            case '-' -> {
                if (peek(1) == '-') {
                    lineComment();
                } else {
                    other(c);
                }
            }
            case '/' -> {
                if (peek(1) == '*') {
                    blockComment(false);
                } else {
                    other(c);
                }
            }
            default -> other(c);
        }
    }

    // ---- where the scanner is, for the rules

    /** The whole script. */
    public String source() {
        return src;
    }

    /** The offset of the character being read. */
    public int position() {
        return pos;
    }

    /** The 1-based line of the character being read. */
    public int line() {
        return line;
    }

    /** The character {@code ahead} places after the one being read, or {@code 0} past the end of the script. */
    public char peek(int ahead) {
        int i = pos + ahead;
        return i < len ? src.charAt(i) : 0;
    }

    /** True once the current statement has a significant character. */
    public boolean inStatement() {
        return start >= 0;
    }

    /** The offset where the current statement starts; meaningful only {@link #inStatement()}. */
    public int statementStart() {
        return start;
    }

    // ---- delimiters and statements

    /**
     * Makes {@code delimiter} end statements from here on (the mysql client's {@code DELIMITER}); {@code ;} restores
     * the default, under which the {@link ScriptRules} decide whether a {@code ;} ends a statement.
     */
    public void delimiter(String delimiter) {
        this.delimiter = delimiter.equals(DEFAULT_DELIMITER) ? DEFAULT_DELIMITER : delimiter;
    }

    private boolean atDelimiter(int i) {
        if (delimiter == DEFAULT_DELIMITER) {
            return src.charAt(i) == ';';
        }
        return src.startsWith(delimiter, i);
    }

    private void delimiter() {
        if (delimiter != DEFAULT_DELIMITER || rules.endsStatement(parenDepth)) {
            int end = pos;
            pos += delimiter.length();
            int dataEnd = start >= 0 ? rules.dataAfter(this, end) : -1;
            if (dataEnd >= 0) {
                emitRaw(dataEnd);
            } else {
                emit(end);
            }
        } else {
            begin();
            pos += delimiter.length();
        }
    }

    private void emit(int end) {
        if (start >= 0) {
            statements.add(new SqlStatement(src.substring(start, end).strip(), startLine));
        }
        reset();
    }

    /** Adds the statement untrimmed: the end of inline data is data, blanks included. */
    private void emitRaw(int end) {
        statements.add(new SqlStatement(src.substring(start, end), startLine));
        reset();
    }

    private void reset() {
        start = -1;
        parenDepth = 0;
        rules.reset();
    }

    /** Marks the character being read as the current statement's start, unless it has one. */
    public void begin() {
        if (start < 0) {
            start = pos;
            startLine = line;
        }
    }

    /** Consumes one character, counting {@code \n}, {@code \r\n} and a lone {@code \r} as one line break. */
    private void consume() {
        char c = src.charAt(pos++);
        if (c == '\n' || (c == '\r' && (pos >= len || src.charAt(pos) != '\n'))) {
            line++;
        }
    }

    /** Reads on up to offset {@code end}, counting line breaks. */
    public void consumeTo(int end) {
        while (pos < end) {
            consume();
        }
    }

    // ---- quoted text

    /**
     * Skips a quoted string or identifier closed by {@code quote}; a doubled quote stands for itself, and with
     * {@code backslashEscapes} a backslash escapes the next character.
     *
     * @throws SqlParseException naming {@code what} and its line when it is never closed
     */
    public void quoted(char quote, boolean backslashEscapes, String what) {
        begin();
        rules.other(quote);
        int openLine = line;
        consume();
        while (true) {
            if (pos >= len) {
                throw unterminated(what, String.valueOf(quote), openLine);
            }
            char c = src.charAt(pos);
            if (c == '\\' && backslashEscapes) {
                consume();
                if (pos < len) {
                    consume();
                }
            } else if (c == quote) {
                pos++;
                if (pos >= len || src.charAt(pos) != quote) {
                    return;
                }
                pos++;
            } else {
                consume();
            }
        }
    }

    /** Skips text from {@code open} (being read) to the next {@code close}, as SQLite's {@code [identifier]}. */
    public void quotedUntil(char open, char close, String what) {
        begin();
        rules.other(open);
        int openLine = line;
        consume();
        while (pos < len && src.charAt(pos) != close) {
            consume();
        }
        if (pos >= len) {
            throw unterminated(what, String.valueOf(open), openLine);
        }
        pos++;
    }

    /**
     * Skips a dollar-quoted string whose opening tag ({@code $$} or {@code $tag$}) runs from the {@code $} being read
     * to the {@code $} at {@code tagEnd}, through the same tag closing it.
     */
    public void dollarQuoted(int tagEnd) {
        begin();
        rules.other('$');
        int openLine = line;
        String tag = src.substring(pos, tagEnd + 1);
        int close = src.indexOf(tag, tagEnd + 1);
        if (close < 0) {
            throw unterminated("dollar-quoted string", tag, openLine);
        }
        consumeTo(close + tag.length());
    }

    // ---- comments

    /** Skips a comment from here to the end of the line. */
    public void lineComment() {
        while (pos < len && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
            pos++;
        }
    }

    /** Skips a block comment opened by the {@code /*} being read; with {@code nests}, a {@code /*} inside opens one. */
    public void blockComment(boolean nests) {
        int openLine = line;
        int depth = 0;
        do {
            if (pos + 1 >= len) {
                throw unterminated("block comment", "/*", openLine);
            }
            char c = src.charAt(pos);
            char next = src.charAt(pos + 1);
            if (c == '/' && next == '*' && (depth == 0 || nests)) {
                depth++;
                pos += 2;
            } else if (c == '*' && next == '/') {
                depth--;
                pos += 2;
            } else {
                consume();
            }
        } while (depth > 0);
    }

    // ---- words and everything else

    private void paren(int change) {
        parenDepth = Math.max(0, parenDepth + change);
        other(src.charAt(pos));
    }

    private void other(char c) {
        if (isWordStart(c)) {
            word();
        } else if (c >= '0' && c <= '9') {
            number();
        } else {
            punctuation();
        }
    }

    /** Reads the character being read as one significant token of its own. */
    public void punctuation() {
        begin();
        rules.other(src.charAt(pos));
        pos++;
    }

    private void word() {
        int s = pos;
        int e = wordEnd(s + 1);
        begin();
        pos = e;
        rules.word(src, s, e, parenDepth);
    }

    /** Where the word whose letters continue at {@code from} ends (before a custom delimiter, too). */
    public int wordEnd(int from) {
        boolean customDelimiter = delimiter != DEFAULT_DELIMITER;
        int i = from;
        while (i < len && isWordPart(src.charAt(i), dollarInWords) && !(customDelimiter && atDelimiter(i))) {
            i++;
        }
        return i;
    }

    private void number() {
        begin();
        rules.other(src.charAt(pos));
        pos = wordEnd(pos + 1);
    }

    // ---- lines of their own

    /**
     * Skips the rest of the line being read and the lines after it up to and including the line that is exactly
     * {@code endLine} (or to the end of the script, as psql does with {@code COPY} data) and returns where that
     * line's text ends.
     */
    public int skipDataLines(String endLine) {
        skipLine();
        while (pos < len) {
            int lineBegin = pos;
            int lineEnd = lineEnd(pos);
            pos = lineEnd;
            skipLineBreak();
            if (lineEnd - lineBegin == endLine.length() && src.startsWith(endLine, lineBegin)) {
                return lineEnd;
            }
        }
        return len;
    }

    private void skipLine() {
        pos = lineEnd(pos);
        skipLineBreak();
    }

    /** The offset of the line break (or the end of the script) at or after {@code from}. */
    public int lineEnd(int from) {
        int i = from;
        while (i < len && src.charAt(i) != '\n' && src.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private void skipLineBreak() {
        if (pos < len) {
            boolean crlf = src.charAt(pos) == '\r' && pos + 1 < len && src.charAt(pos + 1) == '\n';
            pos += crlf ? 2 : 1;
            line++;
        }
    }

    // ---- character classes

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= 0x80 && Character.isLetter(c));
    }

    private static boolean isWordPart(char c, boolean dollar) {
        return isWordStart(c) || (c >= '0' && c <= '9') || (dollar && c == '$') || c >= 0x80;
    }

    private static SqlParseException unterminated(String what, String opener, int line) {
        return new SqlParseException(what + " opened with " + opener + " is never closed", line);
    }
}
