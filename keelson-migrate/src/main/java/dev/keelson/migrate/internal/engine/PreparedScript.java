package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.ExecutedMigration;
import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.internal.history.StatementHashes;
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
 * @param from       how many of them already ran in an earlier, failed run that this one resumes (0: none)
 */
record PreparedScript(MigrationScript script, List<SqlStatement> statements, int from) {

    static PreparedScript of(MigrationScript script, Placeholders placeholders, SplitRules rules) {
        String text = placeholders.replace(script.fileName(), script.content());
        try {
            return new PreparedScript(script, new StatementSplitter(rules).split(text), 0);
        } catch (SqlParseException e) {
            throw new MigrationException(
                    MigrationErrorCode.SQL_PARSE_ERROR,
                    script.fileName() + " line " + e.line() + ": " + e.getMessage() + " (" + script.origin() + ")",
                    e);
        }
    }

    /** This script, resuming after its first {@code applied} statements. */
    PreparedScript resumingAfter(int applied) {
        return new PreparedScript(script, statements, applied);
    }

    StatementHashes hashes() {
        return StatementHashes.of(statements);
    }

    /** What a run of it applies: the statements from {@link #from()} on. */
    ExecutedMigration executed(Duration duration) {
        return new ExecutedMigration(
                script.type(),
                script.version(),
                script.description(),
                script.fileName(),
                statements.subList(from, statements.size()).stream()
                        .map(SqlStatement::sql)
                        .toList(),
                duration);
    }
}
