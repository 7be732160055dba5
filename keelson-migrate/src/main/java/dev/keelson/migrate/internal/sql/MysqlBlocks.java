package dev.keelson.migrate.internal.sql;

/**
 * Stored programs written without {@code DELIMITER}: in a statement that starts {@code CREATE … PROCEDURE|FUNCTION|
 * TRIGGER|EVENT} (after any {@code OR REPLACE}, {@code DEFINER=…}, {@code SQL SECURITY …}, {@code AGGREGATE}) or
 * with MariaDB's {@code BEGIN NOT ATOMIC}, a {@code ;} inside {@code BEGIN … END} does not end the statement.
 * {@code BEGIN} and {@code CASE} open a block; {@code END} and {@code END CASE} close one; {@code END IF},
 * {@code END LOOP}, {@code END WHILE} and {@code END REPEAT} close blocks whose openers are not counted (they only
 * occur inside a {@code BEGIN … END}), so the {@code IF()} and {@code REPEAT()} functions cannot confuse the count.
 * The mysql client itself has no such rule (it needs {@code DELIMITER}); with a custom delimiter this tracker is
 * not consulted.
 */
final class MysqlBlocks implements BlockTracker {
    private static final String[] ROUTINES = {"PROCEDURE", "FUNCTION", "TRIGGER", "EVENT", "PACKAGE"};
    private static final String[] OTHER_OBJECTS = {
        "TABLE", "VIEW", "INDEX", "DATABASE", "SCHEMA", "USER", "ROLE", "SEQUENCE", "SERVER", "TABLESPACE",
        "UNIQUE", "FULLTEXT", "SPATIAL", "TEMPORARY", "LOGFILE", "ALGORITHM", "RESOURCE", "SPATIAL_REF_SYS"
    };
    private static final String[] LOOSE_ENDS = {"IF", "LOOP", "WHILE", "REPEAT"};
    /** How many words after CREATE may precede the object kind ({@code OR REPLACE DEFINER = u@h SQL SECURITY …}). */
    private static final int HEADER_WORDS = 16;

    private int words;
    private boolean create;
    private boolean decided;
    private boolean routine;
    private boolean leadingBegin;
    private int depth;
    /** Offset of the {@code CASE} in {@code END CASE}, which closes rather than opens. */
    private int closingCaseAt = -1;

    @Override
    public void word(String src, int start, int end, int parenDepth) {
        int index = words++;
        if (index == 0) {
            create = Keyword.is(src, start, end, "CREATE");
            leadingBegin = Keyword.is(src, start, end, "BEGIN");
        } else if (index == 1 && leadingBegin && Keyword.is(src, start, end, "NOT")) {
            routine = true;
            depth = 1;
        } else if (create && !decided && parenDepth == 0) {
            header(src, start, end, index);
        } else if (routine) {
            body(src, start, end);
        }
    }

    private void header(String src, int start, int end, int index) {
        if (Keyword.isAny(src, start, end, ROUTINES)) {
            routine = true;
            decided = true;
        } else if (index > HEADER_WORDS || Keyword.isAny(src, start, end, OTHER_OBJECTS)) {
            decided = true;
        }
    }

    private void body(String src, int start, int end) {
        if (start == closingCaseAt) {
            return;
        }
        if (Keyword.is(src, start, end, "BEGIN") || Keyword.is(src, start, end, "CASE")) {
            depth++;
        } else if (Keyword.is(src, start, end, "END")) {
            end(src, end);
        }
    }

    private void end(String src, int end) {
        int next = end;
        while (next < src.length() && src.charAt(next) <= ' ') {
            next++;
        }
        int nextEnd = next;
        while (nextEnd < src.length() && Character.isLetter(src.charAt(nextEnd))) {
            nextEnd++;
        }
        if (Keyword.isAny(src, next, nextEnd, LOOSE_ENDS)) {
            return;
        }
        if (Keyword.is(src, next, nextEnd, "CASE")) {
            closingCaseAt = next;
        }
        if (depth > 0) {
            depth--;
        }
    }

    @Override
    public void other() {}

    @Override
    public boolean endsStatement(int parenDepth) {
        return depth == 0;
    }

    @Override
    public void reset() {
        words = 0;
        create = false;
        decided = false;
        routine = false;
        leadingBegin = false;
        depth = 0;
        closingCaseAt = -1;
    }
}
