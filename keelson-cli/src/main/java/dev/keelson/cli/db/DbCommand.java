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
        description = "Schema migrations: new, migrate, rollback, status, validate, repair, baseline, lint, diff.",
        exitCodeListHeading = DbCommand.EXIT_HEADING,
        exitCodeList = {DbCommand.EXIT_OK, DbCommand.EXIT_LOCKED, DbCommand.EXIT_USAGE, DbCommand.EXIT_INTERRUPTED})
public final class DbCommand implements Callable<Integer>, CommandTree.Parent {
    static final String EXIT_HEADING = ExitCode.HEADING;
    static final String EXIT_OK = ExitCode.DONE;
    static final String EXIT_FAILED =
            "1:the database failed: a statement, the connection or the login; the message names file and line";
    static final String EXIT_LOCKED = "1:a statement, the connection or the login failed (the message names file and"
            + " line), or another migrator held the lock longer than --lock-timeout (LOCK_TIMEOUT, naming the holder)";
    static final String EXIT_USAGE = ExitCode.BAD_USAGE;
    static final String EXIT_INTERRUPTED = ExitCode.INTERRUPTED_LINE;

    @ParentCommand
    Keelson root;

    @Spec
    CommandSpec spec;

    @Override
    public List<Class<?>> subcommands() {
        return List.of(
                NewMigrationCommand.class,
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
