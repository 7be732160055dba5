package dev.keelson.cli.load;

import dev.keelson.cli.ExitCode;
import dev.keelson.cli.Keelson;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code keelson load}: HTTP load testing. */
@Command(name = "load", mixinStandardHelpOptions = true, description = "HTTP load testing with honest tail latencies.")
public final class LoadCommand implements Callable<Integer> {
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
