package dev.keelson.cli.db;

import dev.keelson.cli.ExitCode;
import dev.keelson.cli.Keelson;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code keelson db}: schema migrations. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Schema migrations: migrate, rollback, status, ...")
public final class DbCommand implements Callable<Integer> {
    @ParentCommand
    Keelson root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(root.environment().err());
        return ExitCode.USAGE;
    }
}
