package dev.keelson.migrate.boot;

import dev.keelson.migrate.MigrationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Registered in {@code META-INF/spring.factories}: a start-up that fails in a migration ends with the engine's
 * message (file, line, SQLState) and what to do, instead of a page of bean-creation stack trace.
 */
public final class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
        return new FailureAnalysis(
                "The database schema could not be migrated [" + cause.code() + "]: " + cause.getMessage(),
                "Fix the migration named above in src/main/resources/db/migration (or the database it names), then "
                        + "start again. `keelson db status` shows what is applied; `keelson db repair` clears a "
                        + "failed entry.",
                cause);
    }
}
