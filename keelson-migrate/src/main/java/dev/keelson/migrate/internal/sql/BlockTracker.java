package dev.keelson.migrate.internal.sql;

/**
 * The keyword-level part of splitting: follows the significant tokens of the current statement and says whether a
 * {@code ;} ends it or belongs to a body ({@code BEGIN … END}, a trigger). One per script, {@link #reset()} after
 * each statement. The scanner has already skipped strings and comments, so only real tokens arrive here.
 */
sealed interface BlockTracker permits PostgresBlocks, MysqlBlocks, SqliteBlocks, PlainBlocks {

    static BlockTracker of(SplitRules rules) {
        return switch (rules) {
            case POSTGRESQL -> new PostgresBlocks();
            case MYSQL -> new MysqlBlocks();
            case SQLITE -> new SqliteBlocks();
            case H2 -> new PlainBlocks();
        };
    }

    /** An unquoted word {@code src[start, end)} of the statement, seen at {@code parenDepth}. */
    void word(String src, int start, int end, int parenDepth);

    /**
     * Any other significant token: punctuation {@code c}, a number ({@code c} is its first digit), a quoted string
     * or identifier ({@code c} is its opening quote).
     */
    void other(char c);

    /**
     * Called at a {@code ;}: true when it ends the statement, false when it belongs to a body and is kept in the
     * statement.
     */
    boolean endsStatement(int parenDepth);

    /** True when the statement just ended is a {@code COPY … FROM STDIN} whose data lines follow it. */
    default boolean copyFromStdin() {
        return false;
    }

    /** Forgets the statement just ended. */
    void reset();
}
