package dev.keelson.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Shell completion scripts made from the command model, so they never list a command or option that is not there:
 * bash through picocli's generator, zsh ({@link ZshCompletion}) and fish written here.
 */
final class CompletionScripts {
    private CompletionScripts() {}

    /** The script for {@code shell}, completing every command and option of {@code root}. */
    static String of(Shell shell, CommandLine root) {
        return switch (shell) {
            case BASH -> AutoComplete.bash("keelson", root);
            case ZSH -> ZshCompletion.of(root);
            case FISH -> fish(root);
        };
    }

    /**
     * One {@code complete} line per subcommand and per option: a subcommand is offered once its parent's path is on
     * the line and none of its siblings is; an option once its command's name is.
     */
    static String fish(CommandLine root) {
        StringBuilder script = new StringBuilder("# keelson completion for fish\ncomplete -c keelson -f\n");
        fish(root, List.of(), script);
        return script.toString();
    }

    private static void fish(CommandLine line, List<String> path, StringBuilder script) {
        Map<String, CommandLine> children = line.getSubcommands();
        String siblings = String.join(" ", children.keySet());
        for (Map.Entry<String, CommandLine> child : children.entrySet()) {
            String condition = path.isEmpty()
                    ? "__fish_use_subcommand"
                    : "__fish_seen_subcommand_from " + path.getLast() + "; and not __fish_seen_subcommand_from "
                            + siblings;
            script.append("complete -c keelson -n '")
                    .append(condition)
                    .append("' -a ")
                    .append(child.getKey())
                    .append(" -d ")
                    .append(quoted(Usage.summary(
                            child.getValue().getCommandSpec().usageMessage().description())))
                    .append('\n');
        }
        for (OptionSpec option : line.getCommandSpec().options()) {
            script.append("complete -c keelson")
                    .append(
                            path.isEmpty()
                                    ? " -n '__fish_use_subcommand'"
                                    : " -n '" + seen(line.getCommandSpec()) + "'");
            for (String name : option.names()) {
                script.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
            }
            if (option.arity().max() > 0) {
                script.append(" -r");
            }
            script.append(" -d ")
                    .append(quoted(Usage.summary(option.description())))
                    .append('\n');
        }
        for (Map.Entry<String, CommandLine> child : children.entrySet()) {
            List<String> deeper = new ArrayList<>(path);
            deeper.add(child.getKey());
            fish(child.getValue(), deeper, script);
        }
    }

    private static String seen(CommandSpec spec) {
        return "__fish_seen_subcommand_from " + spec.name();
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
