package dev.keelson.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code keelson help [COMMAND...]}: the help of any command path, exactly what {@code COMMAND... --help} prints.
 * picocli's own help command looks one level down only ({@code help db migrate} showed {@code db}'s help).
 */
@Command(
        name = "help",
        helpCommand = true,
        description = "Shows the help of a command, the same as COMMAND... --help: keelson help db migrate.",
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.DONE, "2:no such command (the message suggests the nearest)"})
final class HelpCommand implements IHelpCommandInitializable2, Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "COMMAND", description = "The command path, e.g. db migrate.")
    List<String> path = new ArrayList<>();

    private CommandLine self;
    private ColorScheme colours;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colours = colorScheme;
        this.out = out;
    }

    @Override
    public Integer call() {
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
        target.usage(out, colours);
        return ExitCode.OK;
    }
}
