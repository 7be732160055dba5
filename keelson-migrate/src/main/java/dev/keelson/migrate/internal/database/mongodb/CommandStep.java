package dev.keelson.migrate.internal.database.mongodb;

import dev.keelson.migrate.ExecutedMigration;
import java.time.Duration;

/**
 * A file a run executes, from command {@code from + 1} on (a file whose earlier run outside a transaction failed
 * at command {@code from + 1} resumes there).
 */
record CommandStep(CommandFile file, int from) {
    /** The commands that run, as the report shows them. */
    ExecutedMigration executed(Duration took) {
        return new ExecutedMigration(
                file.type(),
                file.version(),
                file.description(),
                file.fileName(),
                file.commands().subList(from, file.commands().size()).stream()
                        .map(Command::json)
                        .toList(),
                took);
    }
}
