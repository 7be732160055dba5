package dev.keelson.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * Writes what the release archive carries beside the jars, made from the command model at build time (run by
 * keelson-dist's build-archives.sh); not a user command: {@code share/man/man1/*.1} and
 * {@code share/completion/keelson.bash}, {@code keelson.zsh}, {@code keelson.fish}.
 */
public final class InstallFiles {
    private InstallFiles() {}

    /** {@code args[0]}: the {@code share} folder to write into; {@code args[1]}: the version for the man pages. */
    public static void main(String[] args) throws IOException {
        Path share = Path.of(args[0]);
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        CommandLine root = Keelson.fullTree(new CliEnvironment(none, none, Map.of(), share, false));
        Path man = Files.createDirectories(share.resolve("man/man1"));
        for (Map.Entry<String, String> page : ManPages.of(root, args[1]).entrySet()) {
            Files.writeString(man.resolve(page.getKey()), page.getValue());
        }
        Path completion = Files.createDirectories(share.resolve("completion"));
        for (Shell shell : Shell.values()) {
            Files.writeString(
                    completion.resolve("keelson." + shell.name().toLowerCase(java.util.Locale.ROOT)),
                    CompletionScripts.of(shell, root));
        }
    }
}
