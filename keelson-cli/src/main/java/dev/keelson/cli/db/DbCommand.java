package dev.keelson.cli.db;

import dev.keelson.cli.CommandTree;
import dev.keelson.cli.ExitCode;
import dev.keelson.cli.Keelson;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code keelson db}: schema migrations. */
@Command(
        name = "db",
        mixinStandardHelpOptions = true,
        description = "Schema migrations: new, migrate, rollback, status, validate, repair, baseline.",
        exitCodeListHeading = DbCommand.EXIT_HEADING,
        exitCodeList = {DbCommand.EXIT_OK, DbCommand.EXIT_FAILED, DbCommand.EXIT_USAGE})
public final class DbCommand implements Callable<Integer>, CommandTree.Parent {
    static final String EXIT_HEADING = "%nExit codes:%n";
    static final String EXIT_OK = "0:done";
    static final String EXIT_FAILED = "1:a migration, rollback or validation failed, the database could not be reached,"
            + " or another migrator held the lock longer than --lock-timeout (LOCK_TIMEOUT, naming the holder)";
    static final String EXIT_USAGE = "2:bad usage or configuration (the message names what to fix)";

    @ParentCommand
    Keelson root;

    @Spec
    CommandSpec spec;

    @Override
    public List<Class<?>> subcommands() {
        return List.of(
                NewCommand.class,
                MigrateCommand.class,
                RollbackCommand.class,
                StatusCommand.class,
                ValidateCommand.class,
                RepairCommand.class,
                BaselineCommand.class,
                LintCommand.class,
                DiffCommand.class);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(root.environment().err());
        return ExitCode.USAGE;
    }
}
