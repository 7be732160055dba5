package dev.keelson.migrate.internal.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The golden-file corpus in {@code src/test/resources/splitter/<dialect>/}: tricky {@code name.sql} scripts, each
 * with {@code name.expected} beside it. An expected file lists the statements in order, each after a marker line
 * {@code ==== line N ====} giving its start line, its text verbatim (line breaks included) and one {@code \n};
 * or, for a script that must be refused, the marker {@code ==== error ====} and the exception's message.
 */
record SplitterCorpus(Client rules, String name, Path script) {
    static final String ERROR_MARKER = "==== error ====\n";

    static Stream<SplitterCorpus> all() {
        return Stream.of(Client.values()).flatMap(SplitterCorpus::of);
    }

    static Stream<SplitterCorpus> of(Client rules) {
        Path dir = root().resolve(folder(rules));
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> scripts =
                    files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
            return scripts.stream()
                    .map(p -> new SplitterCorpus(rules, p.getFileName().toString(), p));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String folder(Client rules) {
        return rules.name().toLowerCase(Locale.ROOT);
    }

    private static Path root() {
        try {
            return Path.of(SplitterCorpus.class.getResource("/splitter").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    String scriptText() {
        return read(script);
    }

    Path expectedFile() {
        return script.resolveSibling(name.substring(0, name.length() - ".sql".length()) + ".expected");
    }

    String expectedText() {
        return read(expectedFile());
    }

    boolean expectsError() {
        return expectedText().startsWith(ERROR_MARKER);
    }

    /** What the splitter makes of the script, in the expected file's format. */
    String actualText() {
        try {
            return render(new StatementSplitter(rules).split(scriptText()));
        } catch (SqlParseException e) {
            return ERROR_MARKER + e.getMessage() + "\n";
        }
    }

    static String render(List<SqlStatement> statements) {
        StringBuilder out = new StringBuilder();
        for (SqlStatement statement : statements) {
            out.append("==== line ")
                    .append(statement.line())
                    .append(" ====\n")
                    .append(statement.sql())
                    .append('\n');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return folder(rules) + "/" + name;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
