package dev.keelson.migrate.internal.sql;

/**
 * psql's rules: a {@code ;} inside parentheses does not end a statement (multi-action rules), nor one inside the
 * {@code BEGIN ATOMIC … END} body of {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, where {@code BEGIN} and
 * {@code CASE} open and {@code END} closes (psqlscan.l's {@code begin_depth} heuristic). Also notices
 * {@code COPY … FROM STDIN}, whose data lines follow the statement.
 */
final class PostgresBlocks implements BlockTracker {
    private static final String[] ROUTINES = {"FUNCTION", "PROCEDURE"};

    private int words;
    private boolean create;
    private boolean orReplace;
    private boolean routine;
    private int depth;
    private boolean copy;
    private boolean afterFrom;
    private boolean fromStdin;

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

    @Override
    public boolean copyFromStdin() {
        return fromStdin;
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
