package dev.keelson.cli;

import dev.keelson.cli.db.DbCommand;
import dev.keelson.cli.db.LoginHint;
import dev.keelson.cli.demo.DemoCommand;
import dev.keelson.cli.load.LoadCommand;
import dev.keelson.cli.scaffold.AddCommand;
import dev.keelson.cli.scaffold.NewCommand;
import dev.keelson.load.LoadException;
import dev.keelson.migrate.MigrationException;
import dev.keelson.scaffold.ScaffoldException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/**
 * The {@code keelson} command. {@link #main} is the only place that exits the JVM. Its subcommands, and theirs, are
 * listed in {@link CommandTree}, not in {@code @Command(subcommands = …)}.
 */
@Command(
        name = "keelson",
        versionProvider = KeelsonVersion.class,
        description = "Production-grade backend services from the first commit: migrations, load tests, new services.",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            ExitCode.DONE,
            "1:the operation failed: a migration, a validation, a server that cannot be reached, a build, a load run",
            ExitCode.BAD_USAGE,
            "3:a load threshold was violated, or load compare found a regression beyond --fail-above",
            ExitCode.INTERRUPTED_LINE
        })
public final class Keelson implements Callable<Integer>, CommandTree.Parent {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            scope = ScopeType.INHERIT,
            description = "Show this help and exit (the same as keelson help COMMAND...).")
    boolean help;

    @Option(
            names = {"-V", "--version"},
            versionHelp = true,
            description = "Print the version of keelson and of the Java it runs on, and exit.")
    boolean version;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of failures.")
    boolean verbose;

    @Option(
            names = {"-q", "--quiet"},
            scope = ScopeType.INHERIT,
            description = "Print only errors and the final result: no progress, notes or steps.")
    boolean quiet;

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
                NewCommand.class,
                AddCommand.class,
                DemoCommand.class,
                DbCommand.class,
                LoadCommand.class,
                CompletionCommand.class,
                HelpCommand.class);
    }

    public boolean verbose() {
        return verbose;
    }

    /** {@code --quiet}: progress, notes and steps are left out; errors and the result are printed. */
    public boolean quiet() {
        return quiet;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(environment.err());
        return ExitCode.USAGE;
    }

    public static void main(String[] args) {
        exitOnTerm();
        System.exit(run(args, CliEnvironment.system()));
    }

    /**
     * SIGTERM ends a command as Ctrl-C does: the shutdown hooks say what was done and the exit code is 130, not the
     * JVM's 143 (docs/cli.md). {@code load} replaces this handler while it runs, to end its run with a report.
     */
    private static void exitOnTerm() {
        try {
            Signal.handle(new Signal("TERM"), signal -> System.exit(ExitCode.INTERRUPTED));
        } catch (IllegalArgumentException unavailable) {
            // not on this platform, or the JVM runs with -Xrs: the JVM's own handling stays
        }
    }

    /** Runs the command line in-process and returns the exit code. */
    public static int run(String[] args, CliEnvironment environment) {
        CommandLine commandLine = commandLine(new Keelson(environment), args);
        int code = commandLine.execute(args);
        environment.out().flush();
        environment.err().flush();
        return code;
    }

    /** The whole command tree, every subcommand attached and configured as for a run: completion and man pages. */
    static CommandLine fullTree(CliEnvironment environment) {
        return commandLine(new Keelson(environment), new String[0]);
    }

    private static CommandLine commandLine(Keelson root, String[] args) {
        CliEnvironment environment = root.environment;
        CommandLine commandLine = new CommandLine(root);
        // before the settings below: picocli applies them to the subcommands present when they are set
        CommandTree.attach(commandLine, args, 0);
        Usage.configure(commandLine, environment.colours().on());
        return commandLine
                .setOut(environment.out())
                .setErr(environment.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                // an argument such as `--data @user.json` is the option's value, not a picocli argument file
                .setExpandAtFiles(false)
                .setExecutionExceptionHandler((e, cl, parseResult) -> failure(e, root));
    }

    /** The one mapping from a failure to its message and exit code (docs/cli.md). */
    private static int failure(Exception e, Keelson root) {
        var err = root.environment.err();
        if (root.verbose) {
            e.printStackTrace(err);
        }
        Colours colours = root.environment.colours();
        if (e instanceof MigrationException migration) {
            MigrationException m = LoginHint.worded(migration);
            return report(
                    err,
                    colours,
                    "error [" + m.code() + "]",
                    m.getMessage(),
                    m.code().isUsageError());
        }
        if (e instanceof LoadException l) {
            return report(
                    err,
                    colours,
                    "error [" + l.code() + "]",
                    l.getMessage(),
                    l.code().isUsageError());
        }
        if (e instanceof ScaffoldException s && s.code() == dev.keelson.scaffold.ScaffoldErrorCode.INTERRUPTED) {
            err.println("interrupted: " + s.getMessage());
            return ExitCode.INTERRUPTED;
        }
        if (e instanceof ScaffoldException s) {
            return report(
                    err,
                    colours,
                    "error [" + s.code() + "]",
                    s.getMessage(),
                    s.code().isUsageError());
        }
        if (e instanceof UsageException || e instanceof CommandFailure) {
            return report(err, colours, "error", e.getMessage(), e instanceof UsageException);
        }
        return report(
                err, colours, "error", e + (root.verbose ? "" : " (run with --verbose for the stack trace)"), false);
    }

    private static int report(PrintWriter err, Colours colours, String label, String message, boolean usage) {
        err.println(colours.red(label) + ": " + message);
        return usage ? ExitCode.USAGE : ExitCode.FAILED;
    }
}
