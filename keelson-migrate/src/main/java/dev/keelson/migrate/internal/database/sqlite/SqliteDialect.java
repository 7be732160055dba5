package dev.keelson.migrate.internal.database.sqlite;

import dev.keelson.migrate.internal.database.LockRowDialect;
import dev.keelson.migrate.internal.sql.ErrorPlace;
import dev.keelson.migrate.internal.sql.SplitRules;
import dev.keelson.migrate.internal.sql.SqlStatement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SQLite: transactional DDL; a lock row with owner and heartbeat in {@code <history table>_lock}. */
public record SqliteDialect() implements LockRowDialect {
    /** SQLite names the token it stopped at: {@code near "NUL": syntax error}. */
    private static final Pattern NEAR = Pattern.compile("near \"([^\"]+)\": syntax error");

    @Override
    public List<String> urlPrefixes() {
        return List.of("jdbc:sqlite:");
    }

    @Override
    public String name() {
        return "SQLite";
    }

    @Override
    public SplitRules splitRules() {
        return SqliteScript::new;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    /** The token SQLite names, when it occurs once in the statement (else the place would be a guess). */
    @Override
    public ErrorPlace errorPlace(SqlStatement sql, int column, String message) {
        Matcher near = NEAR.matcher(message);
        if (!near.find()) {
            return ErrorPlace.statementStart(sql, message);
        }
        int at = sql.sql().indexOf(near.group(1));
        return at >= 0 && sql.sql().indexOf(near.group(1), at + 1) < 0
                ? ErrorPlace.atOffset(sql, column, at + 1, message)
                : ErrorPlace.statementStart(sql, message);
    }
}
