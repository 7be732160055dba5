package dev.keelson.migrate.internal.sql;

/**
 * One statement cut from a script, ready to send over JDBC.
 *
 * @param sql  the statement text without its terminating delimiter, comments inside it kept
 * @param line the 1-based line of the script where the statement starts (its first non-blank, non-comment
 *             character), so errors can name it
 */
public record SqlStatement(String sql, int line) {}
