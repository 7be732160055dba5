package dev.keelson.migrate.internal.database.h2;

import dev.keelson.migrate.internal.database.LockRowDialect;
import dev.keelson.migrate.internal.sql.ErrorPlace;
import dev.keelson.migrate.internal.sql.SplitRules;
import dev.keelson.migrate.internal.sql.SqlStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * H2: DDL statements commit the open transaction (H2 2.x), so like MySQL a failed migration is recorded as
 * failed; a lock row with owner and heartbeat in {@code <history table>_lock}.
 */
public record H2Dialect() implements LockRowDialect {
    /** H2 quotes the statement with {@code [*]} where it stopped, line breaks written as {@code \\000a}. */
    private static final Pattern MARKED = Pattern.compile("statement \"(.*?)\\[\\*]", Pattern.DOTALL);

    private static final Pattern ESCAPE = Pattern.compile("\\\\([0-9a-fA-F]{4}|.)");

    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:h2:");
    }

    /**
     * H2 file databases with {@code AUTO_SERVER=TRUE} refuse a process that opens the file at the same instant as
     * another, or while the process serving it hands it over (errors 8000 "Lock file recently modified", 90020
     * "Database may be already in use", and 90067 "Connection is broken" when the serving process closes the
     * database while the connection is made).
     */
    @Override
    public boolean retryOpen(SQLException e) {
        return e.getErrorCode() == 90020 || e.getErrorCode() == 8000 || e.getErrorCode() == 90067;
    }

    @Override
    public String name() {
        return "H2";
    }

    @Override
    public SplitRules splitRules() {
        return H2Script::new;
    }

    @Override
    public String longTextType() {
        return "CHARACTER LARGE OBJECT";
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public ErrorPlace errorPlace(SqlStatement sql, int column, String message) {
        Matcher marked = MARKED.matcher(message);
        if (!marked.find()) {
            return ErrorPlace.statementStart(sql, message);
        }
        String before =
                ESCAPE.matcher(marked.group(1)).replaceAll(e -> Matcher.quoteReplacement(unescaped(e.group(1))));
        return sql.sql().startsWith(before)
                ? ErrorPlace.atOffset(sql, column, before.length() + 1, message)
                : ErrorPlace.statementStart(sql, message);
    }

    private static String unescaped(String escape) {
        return escape.length() == 4 ? String.valueOf((char) Integer.parseInt(escape, 16)) : escape;
    }
}
