package dev.keelson.cli;

import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How every command's help looks, set once on the whole tree: colours only on a terminal without {@code NO_COLOR},
 * and a command list that shows each subcommand's first sentence whole (picocli shows the first line of the
 * description, which cut sentences that wrap in the source).
 */
final class Usage {
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");

    private Usage() {}

    /** Applies to {@code root} and every subcommand attached to it. */
    static void configure(CommandLine root, boolean colour) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = root.getHelpSectionMap();
        sections.put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, Usage::commandList);
        root.setHelpSectionMap(sections);
        root.setColorScheme(Help.defaultColorScheme(colour ? Ansi.ON : Ansi.OFF));
    }

    /** The first sentence of a command's description, whole, however its lines were cut in the source. */
    static String summary(String[] description) {
        String text = String.join(" ", description).strip().replaceAll("\\s+", " ");
        String first = SENTENCE_END.split(text, 2)[0];
        try {
            return String.format(Locale.ROOT, first);
        } catch (IllegalFormatException e) {
            return first;
        }
    }

    private static String commandList(Help help) {
        Map<String, Help> commands = help.subcommands();
        if (commands.isEmpty()) {
            return "";
        }
        int width = help.commandSpec().usageMessage().width();
        int names = Math.min(
                commands.keySet().stream().mapToInt(String::length).max().orElse(0), width / 2);
        TextTable table = TextTable.forColumns(
                help.colorScheme(),
                new Column(names + 2, 2, Overflow.SPAN),
                new Column(width - names - 2, 2, Overflow.WRAP));
        commands.values()
                .forEach(command -> table.addRowValues(
                        command.commandNamesText(", "),
                        help.colorScheme()
                                .text(summary(
                                        command.commandSpec().usageMessage().description()))));
        return table.toString();
    }
}
