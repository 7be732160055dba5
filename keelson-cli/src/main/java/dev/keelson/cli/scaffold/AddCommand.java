package dev.keelson.cli.scaffold;

import dev.keelson.cli.CommandTree;
import dev.keelson.cli.ExitCode;
import dev.keelson.cli.Keelson;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code keelson add}: grows a project that {@code keelson new} made. */
@Command(
        name = "add",
        description = "Adds to a project made by keelson new: add resource NAME FIELD...",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            "0:done",
            "1:writing failed; nothing was changed",
            "2:bad usage (the message names the fix)",
            ExitCode.INTERRUPTED_LINE
        })
public final class AddCommand implements Callable<Integer>, CommandTree.Parent {
    @ParentCommand
    Keelson root;

    @Spec
    CommandSpec spec;

    /** The root command, for subcommands. */
    Keelson root() {
        return root;
    }

    @Override
    public List<Class<?>> subcommands() {
        return List.of(AddResourceCommand.class);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(root.environment().err());
        return ExitCode.USAGE;
    }
}
