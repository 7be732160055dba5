package dev.keelson.migrate.internal.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * One pass over one script: the lexical state machine behind {@link StatementSplitter}. Not thread-safe; make one
 * per script. Quoted text and comments are skipped as units, so a delimiter inside them never splits; keyword-level
 * rules (function bodies, triggers, {@code COPY} data) are left to a {@link BlockTracker}.
 */
final class ScriptScanner {
    private static final String DEFAULT_DELIMITER = ";";
    /** Editors on Windows start UTF-8 files with it; no database wants it in a statement. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String src;
    private final int len;
    private final SplitRules rules;
    private final BlockTracker blocks;
    private final List<SqlStatement> statements = new ArrayList<>();
    private String delimiter = DEFAULT_DELIMITER;
    private int pos;
    private int line = 1;
    /** Offset of the current statement's first significant character, or -1 while there is none. */
    private int start = -1;

    private int startLine;
    private int parenDepth;
    /** Inside a MySQL version comment {@code /*!50003 ... *}{@code /}, whose content is code. */
    private boolean inVersionComment;

    private int versionCommentLine;
    private int firstCopyDelimiter = -1;

    ScriptScanner(String script, SplitRules rules) {
        this.src = script;
        this.len = script.length();
        this.rules = rules;
        this.blocks = BlockTracker.of(rules);
    }

    /**
     * The offset of the {@code ;} that ends the command of a PostgreSQL {@code COPY … FROM STDIN} statement
     * whose data lines follow it in {@code sql}, or -1 when {@code sql} is not such a statement.
     */
    static int copyCommandEnd(String sql) {
        ScriptScanner scanner = new ScriptScanner(sql, SplitRules.POSTGRESQL);
        scanner.scan();
        return scanner.firstCopyDelimiter;
    }

    List<SqlStatement> scan() {
        while (pos < len) {
            step();
        }
        if (inVersionComment) {
            throw new SqlParseException("version comment opened with /*! is never closed", versionCommentLine);
        }
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
            case '\'' -> singleQuote();
            case '"' -> doubleQuote();
            case '`' -> backtick();
            case '[' -> bracket();
            case '-' -> dash();
            case '/' -> slash();
            case '*' -> star();
            case '#' -> hash();
            case '$' -> dollar();
            case '(' -> paren(1);
            case ')' -> paren(-1);
            default -> other(c);
        }
    }

    // ---- delimiters and statements

    private boolean atDelimiter(int i) {
        if (delimiter == DEFAULT_DELIMITER) {
            return src.charAt(i) == ';';
        }
        return src.startsWith(delimiter, i);
    }

    private void delimiter() {
        if (delimiter != DEFAULT_DELIMITER || blocks.endsStatement(parenDepth)) {
            int end = pos;
            pos += delimiter.length();
            if (start >= 0 && blocks.copyFromStdin()) {
                emitRaw(copyData(end));
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

    /** Adds the statement untrimmed: the end of COPY data is data, blanks included. */
    private void emitRaw(int end) {
        statements.add(new SqlStatement(src.substring(start, end), startLine));
        reset();
    }

    private void reset() {
        start = -1;
        parenDepth = 0;
        blocks.reset();
    }

    private void begin() {
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

    private void consumeTo(int end) {
        while (pos < end) {
            consume();
        }
    }

    // ---- quoted text

    private void singleQuote() {
        boolean backslash = rules == SplitRules.MYSQL;
        quoted('\'', backslash, "string literal");
    }

    private void doubleQuote() {
        if (rules == SplitRules.MYSQL) {
            quoted('"', true, "string literal");
        } else {
            quoted('"', false, "quoted identifier");
        }
    }

    private void backtick() {
        if (rules == SplitRules.MYSQL || rules == SplitRules.SQLITE) {
            quoted('`', false, "quoted identifier");
        } else {
            other('`');
        }
    }

    private void bracket() {
        if (rules == SplitRules.SQLITE) {
            quotedUntil('[', ']', "bracketed identifier");
        } else {
            other('[');
        }
    }

    /** Skips a quoted string or identifier closed by {@code quote}; a doubled quote stands for itself. */
    private void quoted(char quote, boolean backslashEscapes, String what) {
        begin();
        blocks.other(quote);
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

    private void quotedUntil(char open, char close, String what) {
        begin();
        blocks.other(open);
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

    private void dollar() {
        boolean quotes = rules == SplitRules.POSTGRESQL || rules == SplitRules.H2;
        int tagEnd = quotes ? dollarTagEnd() : -1;
        if (tagEnd < 0) {
            other('$');
            return;
        }
        begin();
        blocks.other('$');
        int openLine = line;
        String tag = src.substring(pos, tagEnd + 1);
        int close = src.indexOf(tag, tagEnd + 1);
        if (close < 0) {
            throw unterminated("dollar-quoted string", tag, openLine);
        }
        consumeTo(close + tag.length());
    }

    /**
     * The offset of the {@code $} closing the opening tag at {@code pos} ({@code $$} or {@code $tag$}), or -1
     * when the {@code $} here opens no dollar quote (a {@code $1} parameter, a lone {@code $}). H2 knows only
     * {@code $$}.
     */
    private int dollarTagEnd() {
        int i = pos + 1;
        if (rules == SplitRules.POSTGRESQL && i < len && isTagStart(src.charAt(i))) {
            i++;
            while (i < len && isTagPart(src.charAt(i))) {
                i++;
            }
        }
        return i < len && src.charAt(i) == '$' ? i : -1;
    }

    // ---- comments

    private void dash() {
        if (pos + 1 < len && src.charAt(pos + 1) == '-' && dashDashStartsComment()) {
            lineComment();
        } else {
            other('-');
        }
    }

    /** MySQL needs a blank or control character after {@code --}; the others do not. */
    private boolean dashDashStartsComment() {
        return rules != SplitRules.MYSQL || pos + 2 >= len || src.charAt(pos + 2) <= ' ';
    }

    private void hash() {
        if (rules == SplitRules.MYSQL) {
            lineComment();
        } else {
            other('#');
        }
    }

    private void lineComment() {
        while (pos < len && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
            pos++;
        }
    }

    private void slash() {
        char next = pos + 1 < len ? src.charAt(pos + 1) : 0;
        if (next == '*') {
            int bang = versionCommentBang();
            if (bang > 0) {
                versionComment(bang);
            } else {
                blockComment();
            }
        } else if (next == '/' && rules == SplitRules.H2) {
            lineComment();
        } else {
            other('/');
        }
    }

    private void blockComment() {
        boolean nests = rules == SplitRules.POSTGRESQL || rules == SplitRules.H2;
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

    /**
     * For MySQL, the offset of the {@code !} when a {@code /*!} or MariaDB's {@code /*M!} version comment starts at
     * {@code pos}, else -1.
     */
    private int versionCommentBang() {
        if (rules != SplitRules.MYSQL || pos + 2 >= len) {
            return -1;
        }
        int bang = src.charAt(pos + 2) == 'M' ? pos + 3 : pos + 2;
        return bang < len && src.charAt(bang) == '!' ? bang : -1;
    }

    /** {@code /*!50003 … *}{@code /} is executable in MySQL: its content is lexed as code and kept. */
    private void versionComment(int bang) {
        begin();
        blocks.other('/');
        if (!inVersionComment) {
            versionCommentLine = line;
        }
        inVersionComment = true;
        pos = bang + 1;
    }

    private void star() {
        if (inVersionComment && pos + 1 < len && src.charAt(pos + 1) == '/') {
            inVersionComment = false;
            pos += 2;
        } else {
            other('*');
        }
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
            begin();
            blocks.other(c);
            pos++;
        }
    }

    private void word() {
        int s = pos;
        int e = wordEnd(s + 1);
        if (start < 0 && rules == SplitRules.MYSQL && DelimiterDirective.matches(src, s, e)) {
            directive(e);
            return;
        }
        begin();
        pos = e;
        if (rules == SplitRules.POSTGRESQL
                && e - s == 1
                && (src.charAt(s) | 0x20) == 'e'
                && e < len
                && src.charAt(e) == '\'') {
            quoted('\'', true, "string literal");
            return;
        }
        blocks.word(src, s, e, parenDepth);
    }

    private int wordEnd(int from) {
        boolean dollarInWords = rules != SplitRules.H2;
        boolean customDelimiter = delimiter != DEFAULT_DELIMITER;
        int i = from;
        while (i < len && isWordPart(src.charAt(i), dollarInWords) && !(customDelimiter && atDelimiter(i))) {
            i++;
        }
        return i;
    }

    private void number() {
        begin();
        blocks.other(src.charAt(pos));
        pos = wordEnd(pos + 1);
    }

    private void directive(int wordEnd) {
        int lineEnd = wordEnd;
        while (lineEnd < len && src.charAt(lineEnd) != '\n' && src.charAt(lineEnd) != '\r') {
            lineEnd++;
        }
        delimiter = DelimiterDirective.argument(src, wordEnd, lineEnd, line);
        if (delimiter.equals(DEFAULT_DELIMITER)) {
            delimiter = DEFAULT_DELIMITER;
        }
        pos = lineEnd;
    }

    // ---- COPY … FROM STDIN

    /**
     * Skips the data lines after a {@code COPY … FROM STDIN;} up to and including the line {@code \.} (or the end
     * of the script, as psql does) and returns where the statement's text ends.
     */
    private int copyData(int delimiterAt) {
        if (firstCopyDelimiter < 0) {
            firstCopyDelimiter = delimiterAt - start;
        }
        skipLine();
        while (pos < len) {
            int lineBegin = pos;
            int lineEnd = lineEnd(pos);
            pos = lineEnd;
            skipLineBreak();
            if (lineEnd - lineBegin == 2 && src.startsWith("\\.", lineBegin)) {
                return lineEnd;
            }
        }
        return len;
    }

    private void skipLine() {
        pos = lineEnd(pos);
        skipLineBreak();
    }

    private int lineEnd(int from) {
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

    private static boolean isTagStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isTagPart(char c) {
        return isTagStart(c) || (c >= '0' && c <= '9');
    }

    private static SqlParseException unterminated(String what, String opener, int line) {
        return new SqlParseException(what + " opened with " + opener + " is never closed", line);
    }
}
