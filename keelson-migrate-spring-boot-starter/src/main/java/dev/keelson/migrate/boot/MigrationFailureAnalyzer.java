package dev.keelson.migrate.boot;

import dev.keelson.migrate.LintFailedException;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.lint.Severity;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Registered in {@code META-INF/spring.factories}: a start-up that fails in a migration ends with the engine's
 * message (file, line, SQLState) and what to do, instead of a page of bean-creation stack trace.
 */
public final class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {
    /** Made by Spring Boot, from {@code META-INF/spring.factories}. */
    public MigrationFailureAnalyzer() {}

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
        return new FailureAnalysis(
                "The database schema could not be migrated [" + cause.code() + "]: " + cause.getMessage()
                        + findings(cause),
                "Fix the migration named above in src/main/resources/db/migration (or the database it names), then "
                        + "start again; a statement the lint refuses on purpose takes a "
                        + "`-- keelson:lint-ignore RULE reason` comment. `keelson db status` shows what is applied; "
                        + "`keelson db repair` clears a failed entry.",
                cause);
    }

    /** The lint's error findings, one a line: file, line, rule, message and the fix. */
    private static String findings(MigrationException cause) {
        if (!(cause instanceof LintFailedException lint) || lint.report() == null) {
            return "";
        }
        return lint.report().findings().stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .map(f -> "\n  " + f.file() + ":" + f.line() + " [" + f.rule() + "] " + f.message()
                        + (f.fix() == null ? "" : " Fix: " + f.fix()))
                .collect(Collectors.joining());
    }
}
