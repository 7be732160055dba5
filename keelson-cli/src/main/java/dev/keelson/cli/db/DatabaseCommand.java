package dev.keelson.cli.db;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.ExitCode;
import dev.keelson.cli.UsageException;
import dev.keelson.migrate.ExecutedMigration;
import dev.keelson.migrate.LintFailedException;
import dev.keelson.migrate.LintPolicy;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.Migrator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * A {@code keelson db} command that talks to a database: resolves the settings, builds the migrator, runs,
 * prints. In JSON mode a failure is printed as {@code {"error":{"code":...,"message":...}}} on standard output
 * (and the message on standard error) with the same exit code as in text mode; in text mode it goes to
 * {@link dev.keelson.cli.Keelson}'s one failure mapping. Either way, what the command finished before it stopped
 * is printed first (text) or listed beside the error (JSON), and the lint's findings go to standard error.
 */
abstract class DatabaseCommand implements Callable<Integer> {
    @ParentCommand
    DbCommand parent;

    @Mixin
    DbOptions options;

    /** The resolved settings of this run; set before {@link #run} is called. */
    DbSettings settings;

    @Override
    public final Integer call() {
        CliEnvironment environment = parent.root.environment();
        try {
            options.lockTimeout = lockTimeout();
            settings = DbSettings.resolve(options, environment);
            MigrationProgress progress = MigrationProgress.onStandardError(environment, parent.root.quiet());
            Migrator migrator = settings.migrator(progress, outOfOrder(), lintPolicy(environment));
            Thread onInterrupt = new Thread(
                    () -> {
                        environment.err().println(progress.interrupted());
                        environment.err().flush();
                    },
                    "keelson-db-interrupted");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                return run(migrator, new Printer(environment, options.format));
            } finally {
                removeHook(onInterrupt);
            }
        } catch (LintFailedException e) {
            environment.err().println(LintDocuments.text(e.report(), environment.colours()));
            MigrationException worded = new MigrationException(e.code(), e.getMessage() + noLintHint(), e);
            if (options.format != OutputFormat.JSON) {
                throw worded;
            }
            environment.out().println(JsonDocuments.lintFailure(e.code().name(), worded.getMessage(), e.report()));
            environment.err().println("error [" + e.code().name() + "]: " + worded.getMessage());
            return ExitCode.FAILED;
        } catch (MigrationException raised) {
            MigrationException e = LoginHint.worded(raised);
            if (!e.completed().isEmpty() && options.format != OutputFormat.JSON) {
                environment.out().println(completedText(e.completed()));
            }
            return failInJson(
                    environment,
                    e.code().name(),
                    e,
                    e.code().isUsageError() ? ExitCode.USAGE : ExitCode.FAILED,
                    e.completed());
        } catch (UsageException e) {
            return failInJson(environment, "USAGE", e, ExitCode.USAGE, List.of());
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException stopping) {
            // the JVM is stopping (Ctrl-C): the hook says what was done
        }
    }

    /** The lint before running: on, with {@code lint.severity.RULE} of {@code keelson.properties}. */
    LintPolicy lintPolicy(CliEnvironment environment) {
        return LintPolicy.defaults().withSeverities(MigrateLint.severities(environment, options.config, Map.of()));
    }

    /** How to run this command without the lint, appended to a lint failure; empty when it has no such flag. */
    String noLintHint() {
        return "";
    }

    /** What a failed run finished before it stopped, as text; one line per file and a summary. */
    String completedText(List<ExecutedMigration> completed) {
        return TextReports.completed(completed, "Applied", "applied");
    }

    /** The JSON field listing what a failed run finished, beside {@code error}. */
    String completedField() {
        return "migrations";
    }

    /** {@code --lock-timeout} where the command takes the lock, else null. */
    Duration lockTimeout() {
        return null;
    }

    /** Whether pending versions below the newest applied one may be applied; only {@code migrate} says yes. */
    boolean outOfOrder() {
        return false;
    }

    /** Runs the command against {@code migrator} and returns the exit code. */
    abstract int run(Migrator migrator, Printer printer);

    private int failInJson(
            CliEnvironment environment,
            String code,
            RuntimeException e,
            int exitCode,
            List<ExecutedMigration> completed) {
        if (options.format != OutputFormat.JSON) {
            throw e;
        }
        environment.out().println(JsonDocuments.error(code, e.getMessage(), completedField(), completed));
        environment.err().println("error [" + code + "]: " + e.getMessage());
        return exitCode;
    }
}
