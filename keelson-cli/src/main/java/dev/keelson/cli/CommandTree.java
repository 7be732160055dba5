package dev.keelson.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Attaches subcommands lazily: a command with subcommands lists them in {@link Parent#subcommands()} instead of in
 * {@code @Command(subcommands = …)}.
 *
 * <p>picocli builds the model of every listed command, recursively, before it parses anything; for a short command
 * such as {@code keelson db status} that reflection costs more than the command's own work. So only the branch the
 * arguments name is attached. Where they name no subcommand at some level (help, a usage error, a typo) every
 * subcommand below that level is attached, and usage messages and suggestions are those of the full tree.
 */
public final class CommandTree {
    private static final String HELP = "help";

    /** A command with subcommands. */
    public interface Parent {
        /** The subcommand classes, in the order usage lists them; each has a {@code @Command(name = …)}. */
        List<Class<?>> subcommands();
    }

    private CommandTree() {}

    /** Attaches to {@code line} the subcommands reachable by {@code args}, whose first {@code consumed} belong to it or above. */
    static void attach(CommandLine line, String[] args, int consumed) {
        if (!(line.getCommand() instanceof Parent parent)) {
            return;
        }
        int at = firstWord(args, consumed);
        String named = at < args.length ? args[at] : null;
        boolean onlyNamed = named != null
                && !named.equals(HELP)
                && parent.subcommands().stream().anyMatch(c -> name(c).equals(named));
        for (Class<?> child : parent.subcommands()) {
            String name = name(child);
            if (!onlyNamed || name.equals(named)) {
                line.addSubcommand(name, child);
                attach(line.getSubcommands().get(name), args, onlyNamed ? at + 1 : args.length);
            }
        }
    }

    private static int firstWord(String[] args, int from) {
        int i = from;
        while (i < args.length && args[i].startsWith("-")) {
            i++;
        }
        return i;
    }

    private static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }
}
