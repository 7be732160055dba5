package dev.keelson.migrate.internal.sql;

/**
 * One database client's rules for one script, beyond what the {@link ScriptScanner} core knows: the characters
 * that mean something of their own to this client, and the keyword-level rules that say whether a {@code ;} ends a
 * statement or belongs to a body ({@code BEGIN … END}, a trigger). Made fresh for each script by the database's
 * {@link SplitRules}; {@link #reset()} after each statement. Every method has the core's meaning by default.
 */
public interface ScriptRules {

    /**
     * Reads the token starting with {@code c} at the scanner's position when this client gives it a meaning of its
     * own (a quote, a comment, a directive), using the scanner's primitives; false leaves it to the core.
     */
    default boolean lex(ScriptScanner scanner, char c) {
        return false;
    }

    /** Whether {@code $} may continue a word ({@code a$b}); yes by default. */
    default boolean dollarInWords() {
        return true;
    }

    /**
     * Called when a delimiter ends a statement, the scanner just past it: where the statement's text ends when
     * data lines follow it (PostgreSQL's {@code COPY … FROM STDIN}), read up to there; -1 (the default) when the
     * statement ends at {@code delimiterAt}.
     */
    default int dataAfter(ScriptScanner scanner, int delimiterAt) {
        return -1;
    }

    /** Called at the end of the script; throws a {@link SqlParseException} for anything this client left open. */
    default void finish() {}

    /** An unquoted word {@code src[start, end)} of the statement, seen at {@code parenDepth}. */
    default void word(String src, int start, int end, int parenDepth) {}

    /**
     * Any other significant token: punctuation {@code c}, a number ({@code c} is its first digit), a quoted string
     * or identifier ({@code c} is its opening quote).
     */
    default void other(char c) {}

    /**
     * Called at a {@code ;}: true (the default) when it ends the statement, false when it belongs to a body and is
     * kept in the statement.
     */
    default boolean endsStatement(int parenDepth) {
        return true;
    }

    /** Forgets the statement just ended. */
    default void reset() {}
}
