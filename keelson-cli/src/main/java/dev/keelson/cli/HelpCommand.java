package dev.keelson.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keelson help [COMMAND...]}: the help of any command path, exactly what {@code COMMAND... --help} prints.
 * picocli's own help command looks one level down only ({@code help db migrate} showed {@code db}'s help). Not a
 * picocli "help command": those take any argument, so {@code help --bogus} printed help and exited 0.
 */
@Command(
        name = "help",
        description = "Shows the help of a command, the same as COMMAND... --help: keelson help db migrate.",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.DONE, "2:no such command (the message lists those there are)"})
final class HelpCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "The command path, e.g. db migrate.")
    List<String> path = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine self = spec.commandLine();
        CommandLine target = self.getParent();
        for (String name : path) {
            CommandLine next = target.getSubcommands().get(name);
            if (next == null) {
                throw new ParameterException(
                        target,
                        "Unknown command '" + String.join(" ", path) + "': " + target.getCommandName() + " has "
                                + String.join(", ", target.getSubcommands().keySet()));
            }
            target = next;
        }
        target.usage(self.getOut(), self.getColorScheme());
        return ExitCode.OK;
    }
}
