package dev.keelson.migrate.internal.database.sqlite;

import dev.keelson.migrate.internal.sql.Keyword;
import dev.keelson.migrate.internal.sql.ScriptRules;
import dev.keelson.migrate.internal.sql.ScriptScanner;

/**
 * sqlite3's rules for one script: {@code "…"}, {@code `…`} and {@code […]} identifiers; block comments do not nest;
 * and {@code sqlite3_complete()}'s rule for triggers: a statement that starts {@code [EXPLAIN] CREATE [TEMP|TEMPORARY]
 * TRIGGER} ends only at a {@code ;} that follows {@code ; END}; every other statement ends at its first {@code ;}.
 */
final class SqliteScript implements ScriptRules {
    private enum State {
        START,
        NORMAL,
        EXPLAIN,
        CREATE,
        TRIGGER,
        SEMI,
        END
    }

    private static final String[] TEMP = {"TEMP", "TEMPORARY"};

    private State state = State.START;

    @Override
    public boolean lex(ScriptScanner scanner, char c) {
        if (c == '`') {
            scanner.quoted('`', false, "quoted identifier");
        } else if (c == '[') {
            scanner.quotedUntil('[', ']', "bracketed identifier");
        } else {
            return false;
        }
        return true;
    }

    @Override
    public void word(String src, int start, int end, int parenDepth) {
        state = switch (state) {
            case START -> Keyword.is(src, start, end, "EXPLAIN") ? State.EXPLAIN : afterStart(src, start, end);
            case EXPLAIN -> Keyword.is(src, start, end, "CREATE") ? State.CREATE : State.EXPLAIN;
            case CREATE -> afterCreate(src, start, end);
            case SEMI -> Keyword.is(src, start, end, "END") ? State.END : State.TRIGGER;
            case TRIGGER, END -> State.TRIGGER;
            case NORMAL -> State.NORMAL;
        };
    }

    private static State afterStart(String src, int start, int end) {
        return Keyword.is(src, start, end, "CREATE") ? State.CREATE : State.NORMAL;
    }

    private static State afterCreate(String src, int start, int end) {
        if (Keyword.isAny(src, start, end, TEMP)) {
            return State.CREATE;
        }
        return Keyword.is(src, start, end, "TRIGGER") ? State.TRIGGER : State.NORMAL;
    }

    @Override
    public void other(char c) {
        state = switch (state) {
            case START, CREATE -> State.NORMAL;
            case SEMI, END -> State.TRIGGER;
            default -> state;
        };
    }

    @Override
    public boolean endsStatement(int parenDepth) {
        if (state == State.TRIGGER || state == State.SEMI) {
            state = State.SEMI;
            return false;
        }
        return true;
    }

    @Override
    public void reset() {
        state = State.START;
    }
}
