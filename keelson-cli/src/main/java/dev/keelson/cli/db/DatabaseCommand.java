package dev.keelson.cli.db;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.ExitCode;
import dev.keelson.cli.UsageException;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.Migrator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * A {@code keelson db} command that talks to a database: resolves the settings, builds the migrator, runs,
 * prints. In JSON mode a failure is printed as {@code {"error":{"code":...,"message":...}}} on standard output
 * (and the message on standard error) with the same exit code as in text mode; in text mode it goes to
 * {@link dev.keelson.cli.Keelson}'s one failure mapping.
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
            settings = DbSettings.resolve(options, environment);
            Migrator migrator = settings.migrator(ProgressLine.onStandardError(environment), outOfOrder());
            return run(migrator, new Printer(environment, options.format));
        } catch (MigrationException e) {
            return failInJson(environment, e.code().name(), e, e.code().isUsageError() ? ExitCode.USAGE : ExitCode.FAILED);
        } catch (UsageException e) {
            return failInJson(environment, "USAGE", e, ExitCode.USAGE);
        }
    }

    /** Whether pending versions below the newest applied one may be applied; only {@code migrate} says yes. */
    boolean outOfOrder() {
        return false;
    }

    /** Runs the command against {@code migrator} and returns the exit code. */
    abstract int run(Migrator migrator, Printer printer);

    private int failInJson(CliEnvironment environment, String code, RuntimeException e, int exitCode) {
        if (options.format != OutputFormat.JSON) {
            throw e;
        }
        environment.out().println(JsonDocuments.error(code, e.getMessage()));
        environment.err().println("error [" + code + "]: " + e.getMessage());
        return exitCode;
    }
}
