package dev.keelson.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * zsh's own completion for {@code keelson}, one {@code _arguments} function per command: subcommands with their
 * descriptions, options with theirs, the values an option takes (its enum's or candidates', files for a path) and
 * options that exclude each other. It works sourced ({@code source <(keelson completion zsh)}) or as {@code _keelson}
 * in a folder of {@code fpath}.
 */
final class ZshCompletion {
    private ZshCompletion() {}

    static String of(CommandLine root) {
        StringBuilder script = new StringBuilder("""
                #compdef keelson
                # keelson completion for zsh: source <(keelson completion zsh) after compinit in ~/.zshrc,
                # or save it as _keelson in a folder of $fpath.

                """);
        function(root, List.of("keelson"), script);
        script.append("""
                if [ "$funcstack[1]" = "_keelson" ]; then
                    _keelson "$@"
                else
                    compdef _keelson keelson
                fi
                """);
        return script.toString();
    }

    private static void function(CommandLine line, List<String> path, StringBuilder script) {
        Map<String, CommandLine> children = line.getSubcommands();
        script.append(name(path)).append("() {\n");
        if (!children.isEmpty()) {
            script.append("    local curcontext=\"$curcontext\" state line\n    local -a commands\n    commands=(\n");
            children.forEach((child, command) -> script.append("        ")
                    .append(quoted(child + ":"
                            + Usage.summary(
                                    command.getCommandSpec().usageMessage().description())))
                    .append('\n'));
            script.append("    )\n");
        }
        script.append("    _arguments -s -S");
        for (OptionSpec option : line.getCommandSpec().options()) {
            for (String spec : optionSpecs(option)) {
                script.append(" \\\n        ").append(quoted(spec));
            }
        }
        if (children.isEmpty()) {
            for (PositionalParamSpec positional : line.getCommandSpec().positionalParameters()) {
                script.append(" \\\n        ").append(quoted(positionalSpec(positional)));
            }
            script.append("\n}\n\n");
            return;
        }
        script.append(" \\\n        '1:command:->command' \\\n        '*::argument:->argument'\n")
                .append("    case $state in\n")
                .append("        command) _describe -t commands ")
                .append(quoted(String.join(" ", path) + " command"))
                .append(" commands ;;\n")
                .append("        argument)\n            case $words[1] in\n");
        children.keySet()
                .forEach(child -> script.append("                ")
                        .append(child)
                        .append(") ")
                        .append(name(with(path, child)))
                        .append(" ;;\n"));
        script.append("            esac ;;\n    esac\n}\n\n");
        children.forEach((child, command) -> function(command, with(path, child), script));
    }

    /** One spec per name: {@code (-o --format)--format=[text]:LABEL:(text json)}. */
    private static List<String> optionSpecs(OptionSpec option) {
        String[] names = option.names();
        boolean repeatable = option.isMultiValue();
        String exclusion = repeatable || names.length == 1 ? "" : "(" + String.join(" ", names) + ")";
        String description = "[" + escapeBrackets(Usage.summary(option.description())) + "]";
        List<String> specs = new ArrayList<>();
        for (String name : names) {
            StringBuilder spec =
                    new StringBuilder(repeatable ? "*" : "").append(exclusion).append(name);
            if (option.arity().max() > 0) {
                spec.append(name.startsWith("--") ? "=" : "+");
            }
            spec.append(description);
            if (option.arity().max() > 0) {
                spec.append(':').append(label(option)).append(':').append(action(option));
            }
            specs.add(spec.toString());
        }
        return specs;
    }

    private static String positionalSpec(PositionalParamSpec positional) {
        String position = positional.arity().max() > 1 || positional.isMultiValue()
                ? "*"
                : String.valueOf(positional.index().min() + 1);
        return position + ":" + label(positional) + ":" + action(positional);
    }

    private static String label(ArgSpec arg) {
        return arg.paramLabel().replaceAll("[<>]", "").replace(":", "\\:");
    }

    /**
     * The values to offer: the enum's or candidates' (lower-cased, as the CLI reads them either way), folders for a
     * {@code DIR}, files for a path or a {@code FILE}; nothing for the rest (zsh then shows the label).
     */
    private static String action(ArgSpec arg) {
        Iterable<String> candidates = arg.completionCandidates();
        if (candidates != null) {
            List<String> values = new ArrayList<>();
            for (Iterator<String> it = candidates.iterator(); it.hasNext(); ) {
                values.add(it.next().toLowerCase(java.util.Locale.ROOT));
            }
            return "(" + String.join(" ", values) + ")";
        }
        String label = arg.paramLabel();
        if (label.endsWith("DIR")) {
            return "_files -/";
        }
        Class<?> type = arg.type();
        return type == Path.class || type == File.class || label.endsWith("FILE") ? "_files" : "";
    }

    private static String name(List<String> path) {
        return "_" + String.join("__", path).replace('-', '_');
    }

    private static List<String> with(List<String> path, String child) {
        List<String> longer = new ArrayList<>(path);
        longer.add(child);
        return longer;
    }

    private static String escapeBrackets(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
