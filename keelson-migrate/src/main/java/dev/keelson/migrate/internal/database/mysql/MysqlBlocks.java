package dev.keelson.migrate.internal.database.mysql;

import dev.keelson.migrate.internal.sql.Keyword;

/**
 * Compound statements written without {@code DELIMITER}, where a {@code ;} inside a block does not end the statement.
 * The mysql client itself has no such rule (it needs {@code DELIMITER}); with a custom delimiter this tracker is not
 * consulted. Two cases:
 *
 * <ul>
 *   <li>Stored programs: a statement that starts {@code CREATE … PROCEDURE|FUNCTION|TRIGGER|EVENT|PACKAGE} (after
 *       any {@code OR REPLACE}, {@code DEFINER=…}, {@code SQL SECURITY …}, {@code AGGREGATE}), or MariaDB's
 *       {@code BEGIN NOT ATOMIC}. {@code BEGIN} and {@code CASE} open a block; {@code END} and {@code END CASE}
 *       close one; {@code END IF}, {@code END LOOP}, {@code END WHILE} and {@code END REPEAT} close blocks whose
 *       openers are not counted (inside a program they only occur within {@code BEGIN … END}), so the {@code IF()}
 *       and {@code REPEAT()} functions and {@code IF [NOT] EXISTS} cannot upset the count.</li>
 *   <li>MariaDB's top-level compound statements, {@code [label:] IF|CASE|LOOP|WHILE|REPEAT … END …}: here every
 *       block is counted; {@code IF}, {@code LOOP}, {@code WHILE} and {@code REPEAT} open one only where a statement
 *       may start (first, or after {@code ;}, a label, {@code BEGIN}, {@code THEN}, {@code ELSE}, {@code DO},
 *       {@code LOOP}, {@code REPEAT}), and {@code IF(a, b, c)} and {@code REPEAT(…)} are taken as functions.</li>
 * </ul>
 */
final class MysqlBlocks {
    private static final String[] ROUTINES = {"PROCEDURE", "FUNCTION", "TRIGGER", "EVENT", "PACKAGE"};
    private static final String[] OTHER_OBJECTS = {
        "TABLE",
        "VIEW",
        "INDEX",
        "DATABASE",
        "SCHEMA",
        "USER",
        "ROLE",
        "SEQUENCE",
        "SERVER",
        "TABLESPACE",
        "UNIQUE",
        "FULLTEXT",
        "SPATIAL",
        "TEMPORARY",
        "LOGFILE",
        "ALGORITHM",
        "RESOURCE",
        "SPATIAL_REF_SYS"
    };
    private static final String[] LOOSE_ENDS = {"IF", "LOOP", "WHILE", "REPEAT"};
    private static final String[] COMPOUND_STARTS = {"IF", "LOOP", "WHILE", "REPEAT", "CASE"};
    private static final String[] STATEMENT_LEADS = {"BEGIN", "THEN", "ELSE", "DO", "LOOP", "REPEAT"};
    /** How many words after CREATE may precede the object kind ({@code OR REPLACE DEFINER = u@h SQL SECURITY …}). */
    private static final int HEADER_WORDS = 16;

    private int words;
    private boolean create;
    private boolean decided;
    private boolean routine;
    private boolean compound;
    private boolean leadingBegin;
    /** A statement may start at the next token. */
    private boolean statementStart = true;
    /** The previous token was the word {@code END}. */
    private boolean afterEnd;

    private int depth;

    void word(String src, int start, int end, int parenDepth) {
        int index = words++;
        boolean atStart = statementStart;
        boolean prevEnd = afterEnd;
        statementStart = Keyword.isAny(src, start, end, STATEMENT_LEADS);
        afterEnd = Keyword.is(src, start, end, "END");
        if (index == 0) {
            create = Keyword.is(src, start, end, "CREATE");
            leadingBegin = Keyword.is(src, start, end, "BEGIN");
        }
        if (index <= 1
                && atStart
                && !create
                && !routine
                && !compound
                && Keyword.isAny(src, start, end, COMPOUND_STARTS)
                && !isFunctionCall(src, start, end)) {
            compound = true;
            depth = 1;
        } else if (index == 1 && leadingBegin && Keyword.is(src, start, end, "NOT")) {
            routine = true;
            depth = 1;
        } else if (create && !decided && parenDepth == 0) {
            header(src, start, end, index);
        } else if (compound) {
            countExactly(src, start, end, atStart, prevEnd);
        } else if (routine) {
            countLoosely(src, start, end, prevEnd);
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

    private void countLoosely(String src, int start, int end, boolean prevEnd) {
        if (Keyword.is(src, start, end, "BEGIN") || (!prevEnd && Keyword.is(src, start, end, "CASE"))) {
            depth++;
        } else if (Keyword.is(src, start, end, "END")
                && !Keyword.isAny(src, nextWord(src, end), nextWordEnd(src, end), LOOSE_ENDS)) {
            close();
        }
    }

    private void countExactly(String src, int start, int end, boolean atStart, boolean prevEnd) {
        if (Keyword.is(src, start, end, "BEGIN") || (!prevEnd && Keyword.is(src, start, end, "CASE"))) {
            depth++;
        } else if (atStart && Keyword.isAny(src, start, end, LOOSE_ENDS) && !isFunctionCall(src, start, end)) {
            depth++;
        } else if (Keyword.is(src, start, end, "END")) {
            close();
        }
    }

    private void close() {
        if (depth > 0) {
            depth--;
        }
    }

    /** {@code IF(a, b, c)} and {@code REPEAT(s, n)} where a statement could also start. */
    private static boolean isFunctionCall(String src, int start, int end) {
        int open = skipBlanks(src, end);
        if (open >= src.length() || src.charAt(open) != '(') {
            return false;
        }
        return Keyword.is(src, start, end, "REPEAT") || hasTopLevelComma(src, open);
    }

    private static boolean hasTopLevelComma(String src, int open) {
        int level = 0;
        for (int i = open; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '(') {
                level++;
            } else if (c == ')' && --level == 0) {
                return false;
            } else if (c == ',' && level == 1) {
                return true;
            }
        }
        return false;
    }

    private static int nextWord(String src, int from) {
        return skipBlanks(src, from);
    }

    private static int nextWordEnd(String src, int from) {
        int i = skipBlanks(src, from);
        while (i < src.length() && Character.isLetter(src.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipBlanks(String src, int from) {
        int i = from;
        while (i < src.length() && src.charAt(i) <= ' ') {
            i++;
        }
        return i;
    }

    void other(char c) {
        statementStart = c == ':';
        afterEnd = false;
    }

    boolean endsStatement(int parenDepth) {
        if (depth == 0) {
            return true;
        }
        statementStart = true;
        afterEnd = false;
        return false;
    }

    void reset() {
        words = 0;
        create = false;
        decided = false;
        routine = false;
        compound = false;
        leadingBegin = false;
        statementStart = true;
        afterEnd = false;
        depth = 0;
    }
}
