package dev.keelson.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Man pages in roff, one per command ({@code keelson.1}, {@code keelson-db.1}, {@code keelson-db-migrate.1}, ...),
 * made from the same command model as {@code --help}: name, synopsis, description, options, subcommands, exit status.
 */
final class ManPages {
    private ManPages() {}

    /** File name to page, for {@code root} and every command below it. */
    static Map<String, String> of(CommandLine root, String version) {
        Map<String, String> pages = new LinkedHashMap<>();
        add(root, version, pages);
        return pages;
    }

    private static void add(CommandLine line, String version, Map<String, String> pages) {
        CommandSpec spec = line.getCommandSpec();
        pages.put(fileName(spec), page(spec, version));
        line.getSubcommands().values().forEach(child -> add(child, version, pages));
    }

    static String fileName(CommandSpec spec) {
        return spec.qualifiedName("-") + ".1";
    }

    static String page(CommandSpec spec, String version) {
        StringBuilder page = new StringBuilder();
        String title = spec.qualifiedName("-");
        page.append(".TH \"")
                .append(title.toUpperCase(Locale.ROOT))
                .append("\" 1 \"\" \"keelson ")
                .append(escape(version))
                .append("\" \"Keelson Manual\"\n");
        page.append(".SH NAME\n")
                .append(escape(title))
                .append(" \\- ")
                .append(escape(Usage.summary(spec.usageMessage().description())))
                .append('\n');
        page.append(".SH SYNOPSIS\n").append(escape(synopsis(spec))).append('\n');
        page.append(".SH DESCRIPTION\n");
        for (String paragraph : spec.usageMessage().description()) {
            if (!paragraph.isBlank()) {
                page.append(escape(format(paragraph))).append("\n.PP\n");
            }
        }
        options(spec, page);
        commands(spec, page);
        exitStatus(spec, page);
        seeAlso(spec, page);
        return page.toString();
    }

    private static String synopsis(CommandSpec spec) {
        String text = new Help(spec, Help.defaultColorScheme(Ansi.OFF)).synopsis(0);
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static void options(CommandSpec spec, StringBuilder page) {
        List<PositionalParamSpec> parameters = spec.positionalParameters();
        if (!parameters.isEmpty()) {
            page.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec parameter : parameters) {
                item(page, parameter.paramLabel(), String.join(" ", parameter.description()));
            }
        }
        page.append(".SH OPTIONS\n");
        for (OptionSpec option : spec.options()) {
            String names =
                    String.join(", ", option.names()) + (option.arity().max() > 0 ? "=" + option.paramLabel() : "");
            item(page, names, String.join(" ", option.description()));
        }
    }

    private static void commands(CommandSpec spec, StringBuilder page) {
        if (spec.subcommands().isEmpty()) {
            return;
        }
        page.append(".SH COMMANDS\n");
        spec.subcommands()
                .forEach((name, child) -> item(
                        page,
                        name,
                        Usage.summary(child.getCommandSpec().usageMessage().description()) + " See "
                                + fileName(child.getCommandSpec()).replace(".1", "(1)") + "."));
    }

    private static void exitStatus(CommandSpec spec, StringBuilder page) {
        Map<String, String> codes = spec.usageMessage().exitCodeList();
        if (codes.isEmpty()) {
            return;
        }
        page.append(".SH EXIT STATUS\n");
        codes.forEach((code, meaning) -> item(page, code.strip(), meaning));
    }

    private static void seeAlso(CommandSpec spec, StringBuilder page) {
        List<String> related = new ArrayList<>();
        for (CommandSpec parent = spec.parent(); parent != null; parent = parent.parent()) {
            related.add(escape(fileName(parent).replace(".1", "(1)")));
        }
        if (!related.isEmpty()) {
            page.append(".SH SEE ALSO\n").append(String.join(", ", related)).append('\n');
        }
    }

    private static void item(StringBuilder page, String term, String text) {
        page.append(".TP\n.B ")
                .append(escape(term))
                .append('\n')
                .append(escape(format(text)))
                .append('\n');
    }

    private static String format(String text) {
        try {
            return String.format(Locale.ROOT, text).replaceAll("\\s*\\R\\s*", " ");
        } catch (java.util.IllegalFormatException e) {
            return text;
        }
    }

    /** roff: backslashes doubled, hyphens as minus signs, a line starting with a dot or quote kept as text. */
    static String escape(String text) {
        String escaped = text.replace("\\", "\\e").replace("-", "\\-");
        return escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" + escaped : escaped;
    }
}
