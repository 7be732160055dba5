package dev.keelson.migrate.internal.database.postgresql;

import dev.keelson.migrate.internal.sql.Keyword;
import dev.keelson.migrate.internal.sql.ScriptRules;
import dev.keelson.migrate.internal.sql.ScriptScanner;

/**
 * psql's rules for one script. Lexical: {@code "…"} identifiers; {@code E'…'} strings with backslash escapes (other
 * strings take backslashes literally); {@code $$…$$} and {@code $tag$…$tag$} (not {@code $1}); nested block
 * comments. Keywords: a {@code ;} inside parentheses does not end a statement (multi-action rules), nor one inside
 * the {@code BEGIN ATOMIC … END} body of {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, where {@code BEGIN} and
 * {@code CASE} open and {@code END} closes (psqlscan.l's {@code begin_depth} heuristic). {@code COPY … FROM STDIN;}
 * keeps the data lines up to {@code \.} in its statement (see {@link CopyIn}).
 */
final class PostgresScript implements ScriptRules {
    private static final String[] ROUTINES = {"FUNCTION", "PROCEDURE"};

    private int words;
    private boolean create;
    private boolean orReplace;
    private boolean routine;
    private int depth;
    private boolean copy;
    private boolean afterFrom;
    private boolean fromStdin;
    /** Where the first {@code COPY … FROM STDIN} command's {@code ;} is, from its statement's start; -1 until then. */
    private int firstCopyDelimiter = -1;

    /**
     * The offset of the {@code ;} that ends the command of a {@code COPY … FROM STDIN} statement whose data lines
     * follow it in {@code sql}, or -1 when {@code sql} is not such a statement.
     */
    static int copyCommandEnd(String sql) {
        PostgresScript rules = new PostgresScript();
        new ScriptScanner(sql, rules).scan();
        return rules.firstCopyDelimiter;
    }

    @Override
    public boolean lex(ScriptScanner scanner, char c) {
        switch (c) {
            case 'e', 'E' -> {
                if (scanner.peek(1) != '\'') {
                    return false;
                }
                scanner.begin();
                scanner.consumeTo(scanner.position() + 1);
                scanner.quoted('\'', true, "string literal");
            }
            case '$' -> {
                int tagEnd = dollarTagEnd(scanner.source(), scanner.position());
                if (tagEnd < 0) {
                    return false;
                }
                scanner.dollarQuoted(tagEnd);
            }
            case '/' -> {
                if (scanner.peek(1) != '*') {
                    return false;
                }
                scanner.blockComment(true);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * The offset of the {@code $} closing the opening tag at {@code pos} ({@code $$} or {@code $tag$}), or -1 when
     * the {@code $} there opens no dollar quote (a {@code $1} parameter, a lone {@code $}).
     */
    private static int dollarTagEnd(String src, int pos) {
        int len = src.length();
        int i = pos + 1;
        if (i < len && isTagStart(src.charAt(i))) {
            i++;
            while (i < len && isTagPart(src.charAt(i))) {
                i++;
            }
        }
        return i < len && src.charAt(i) == '$' ? i : -1;
    }

    private static boolean isTagStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isTagPart(char c) {
        return isTagStart(c) || (c >= '0' && c <= '9');
    }

    @Override
    public void word(String src, int start, int end, int parenDepth) {
        int index = words++;
        if (index == 0) {
            create = Keyword.is(src, start, end, "CREATE");
            copy = Keyword.is(src, start, end, "COPY");
        } else if (create && index <= 3) {
            header(src, start, end, index);
        }
        if (routine && parenDepth == 0) {
            body(src, start, end);
        }
        if (copy && parenDepth == 0) {
            fromStdin |= afterFrom && Keyword.is(src, start, end, "STDIN");
            afterFrom = Keyword.is(src, start, end, "FROM");
        }
    }

    /** {@code CREATE FUNCTION}, {@code CREATE PROCEDURE}, {@code CREATE OR REPLACE FUNCTION|PROCEDURE}. */
    private void header(String src, int start, int end, int index) {
        if (index == 1) {
            routine = Keyword.isAny(src, start, end, ROUTINES);
            orReplace = Keyword.is(src, start, end, "OR");
        } else if (index == 2) {
            orReplace = orReplace && Keyword.is(src, start, end, "REPLACE");
        } else if (orReplace) {
            routine = Keyword.isAny(src, start, end, ROUTINES);
        }
    }

    private void body(String src, int start, int end) {
        if (Keyword.is(src, start, end, "BEGIN")) {
            depth++;
        } else if (depth > 0 && Keyword.is(src, start, end, "CASE")) {
            depth++;
        } else if (depth > 0 && Keyword.is(src, start, end, "END")) {
            depth--;
        }
    }

    @Override
    public void other(char c) {
        afterFrom = false;
    }

    @Override
    public boolean endsStatement(int parenDepth) {
        return parenDepth == 0 && depth == 0;
    }

    /** Skips the data lines after a {@code COPY … FROM STDIN;} up to and including the line {@code \.}. */
    @Override
    public int dataAfter(ScriptScanner scanner, int delimiterAt) {
        if (!fromStdin) {
            return -1;
        }
        if (firstCopyDelimiter < 0) {
            firstCopyDelimiter = delimiterAt - scanner.statementStart();
        }
        return scanner.skipDataLines("\\.");
    }

    @Override
    public void reset() {
        words = 0;
        create = false;
        orReplace = false;
        routine = false;
        depth = 0;
        copy = false;
        afterFrom = false;
        fromStdin = false;
    }
}
