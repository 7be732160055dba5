package dev.keelson.migrate.internal.sql;

/**
 * One statement cut from a script, ready to send over JDBC.
 *
 * <p>A statement whose data lines follow it in the script (PostgreSQL's {@code COPY … FROM STDIN}) carries them:
 * its {@code sql} is the text as written from its start through the delimiter and the data lines, and the database's
 * package separates the two.
 *
 * @param sql  the statement text without its terminating delimiter, comments inside it kept
 * @param line the 1-based line of the script where the statement starts (its first non-blank, non-comment
 *             character), so errors can name it
 */
public record SqlStatement(String sql, int line) {}
