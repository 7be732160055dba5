package dev.keelson.cli;

import dev.keelson.cli.db.DbCommand;
import dev.keelson.cli.demo.DemoCommand;
import dev.keelson.cli.load.LoadCommand;
import dev.keelson.cli.scaffold.NewCommand;
import dev.keelson.load.LoadException;
import dev.keelson.migrate.MigrationException;
import dev.keelson.scaffold.ScaffoldException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code keelson} command. {@link #main} is the only place that exits the JVM. Its subcommands, and theirs, are
 * listed in {@link CommandTree}, not in {@code @Command(subcommands = …)}.
 */
@Command(
        name = "keelson",
        mixinStandardHelpOptions = true,
        versionProvider = KeelsonVersion.class,
        description = "Production-grade backend services from the first commit: migrations, load tests, new services.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:the operation failed (a migration, a validation, a load run)",
            "2:bad usage or configuration",
            "3:a load threshold was violated"
        })
public final class Keelson implements Callable<Integer>, CommandTree.Parent {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of failures.")
    boolean verbose;

    Keelson(CliEnvironment environment) {
        this.environment = environment;
    }

    /** The injected outside world, for subcommands. */
    public CliEnvironment environment() {
        return environment;
    }

    @Override
    public List<Class<?>> subcommands() {
        return List.of(
                NewCommand.class, DemoCommand.class, DbCommand.class, LoadCommand.class, CommandLine.HelpCommand.class);
    }

    public boolean verbose() {
        return verbose;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(environment.err());
        return ExitCode.USAGE;
    }

    public static void main(String[] args) {
        System.exit(run(args, CliEnvironment.system()));
    }

    /** Runs the command line in-process and returns the exit code. */
    public static int run(String[] args, CliEnvironment environment) {
        Keelson root = new Keelson(environment);
        CommandLine commandLine = new CommandLine(root);
        // before the settings below: picocli applies them to the subcommands present when they are set
        CommandTree.attach(commandLine, args, 0);
        commandLine
                .setOut(environment.out())
                .setErr(environment.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                // an argument such as `--data @user.json` is the option's value, not a picocli argument file
                .setExpandAtFiles(false)
                .setExecutionExceptionHandler((e, cl, parseResult) -> failure(e, root));
        int code = commandLine.execute(args);
        environment.out().flush();
        environment.err().flush();
        return code;
    }

    private static int failure(Exception e, Keelson root) {
        var err = root.environment.err();
        if (root.verbose) {
            e.printStackTrace(err);
        }
        if (e instanceof MigrationException m) {
            err.println("error [" + m.code() + "]: " + m.getMessage());
            return m.code().isUsageError() ? ExitCode.USAGE : ExitCode.FAILED;
        }
        if (e instanceof LoadException l) {
            err.println("error [" + l.code() + "]: " + l.getMessage());
            return l.code().isUsageError() ? ExitCode.USAGE : ExitCode.FAILED;
        }
        if (e instanceof ScaffoldException s) {
            err.println("error [" + s.code() + "]: " + s.getMessage());
            return s.code().isUsageError() ? ExitCode.USAGE : ExitCode.FAILED;
        }
        if (e instanceof UsageException) {
            err.println("error: " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof CommandFailure) {
            err.println("error: " + e.getMessage());
            return ExitCode.FAILED;
        }
        err.println("error: " + e + (root.verbose ? "" : " (run with --verbose for the stack trace)"));
        return ExitCode.FAILED;
    }
}
