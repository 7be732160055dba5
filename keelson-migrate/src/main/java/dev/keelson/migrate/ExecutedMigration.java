package dev.keelson.migrate;

import java.time.Duration;
import java.util.List;

/**
 * A migration (or undo) that a run applied, or in a dry run would apply.
 *
 * @param type        versioned, undo or repeatable
 * @param version     the version; {@code null} for repeatable migrations
 * @param description the description from the file name
 * @param script      the file name
 * @param statements  the exact SQL statements, placeholders replaced, in execution order
 * @param duration    how long it took; {@link Duration#ZERO} in a dry run
 */
public record ExecutedMigration(
        MigrationType type,
        Version version,
        String description,
        String script,
        List<String> statements,
        Duration duration) {

    public ExecutedMigration {
        statements = List.copyOf(statements);
    }
}
