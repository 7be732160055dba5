package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.ErrorCode;
import dev.keelson.migrate.ExecutedMigration;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.internal.resolve.MigrationScript;
import dev.keelson.migrate.internal.resolve.Placeholders;
import dev.keelson.migrate.internal.sql.SplitRules;
import dev.keelson.migrate.internal.sql.SqlParseException;
import dev.keelson.migrate.internal.sql.SqlStatement;
import dev.keelson.migrate.internal.sql.StatementSplitter;
import java.time.Duration;
import java.util.List;

/**
 * A script ready to run: placeholders replaced, split into statements.
 *
 * @param script     the file
 * @param statements its statements, in order
 */
record PreparedScript(MigrationScript script, List<SqlStatement> statements) {

    static PreparedScript of(MigrationScript script, Placeholders placeholders, SplitRules rules) {
        String text = placeholders.replace(script.fileName(), script.content());
        try {
            return new PreparedScript(script, new StatementSplitter(rules).split(text));
        } catch (SqlParseException e) {
            throw new MigrationException(ErrorCode.SQL_PARSE_ERROR, script.fileName() + " line " + e.line() + ": "
                    + e.getMessage() + " (" + script.origin() + ")", e);
        }
    }

    ExecutedMigration executed(Duration duration) {
        return new ExecutedMigration(script.type(), script.version(), script.description(), script.fileName(),
                statements.stream().map(SqlStatement::sql).toList(), duration);
    }
}
