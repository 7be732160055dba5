package dev.keelson.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The completion scripts in the shells themselves: bash runs the script's function on a prepared command line, fish
 * answers {@code complete -C}, and zsh is driven in a pseudo-terminal where Tab is pressed. Each must offer a command's
 * subcommands, an option by its prefix and an option's values. Without the shell the test is skipped, unless
 * {@code CI=true} ({@code .ci/run} installs zsh and fish).
 */
class CompletionInShellsIT {
    @TempDir
    Path dir;

    private final CommandLine tree = Keelson.fullTree(new CliEnvironment(
            new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()), Map.of(), Path.of("."), false));

    private final List<String> dbCommands =
            List.copyOf(tree.getSubcommands().get("db").getSubcommands().keySet());

    @Test
    void bashOffersSubcommandsOptionsAndValues() throws Exception {
        Path script = script(Shell.BASH);

        assertThat(bash(script, "keelson db ")).containsAll(dbCommands);
        assertThat(bash(script, "keelson db migrate --lock")).containsExactly("--lock-timeout");
        assertThat(bash(script, "keelson load --http")).containsExactlyInAnyOrder("--http2", "--http1.1");
    }

    @Test
    void zshOffersSubcommandsOptionsAndValuesWithItsOwnCompletion() throws Exception {
        Path script = script(Shell.ZSH);
        assertThat(script).content().startsWith("#compdef keelson").doesNotContain("bashcompinit");

        assertThat(zsh(script, "keelson db ")).containsAll(dbCommands);
        assertThat(zsh(script, "keelson db migrate --lock")).containsOnly("--lock-timeout");
        assertThat(zsh(script, "keelson db migrate --format=")).containsOnly("text", "json");
        assertThat(zsh(script, "keelson load --http")).containsOnly("--http2", "--http1.1");
        assertThat(zsh(script, "keelson new my-api --type ")).containsOnly("rest", "graphql");
    }

    @Test
    void fishOffersSubcommandsAndOptions() throws Exception {
        Path script = script(Shell.FISH);

        assertThat(fish(script, "keelson db ")).containsAll(dbCommands);
        assertThat(fish(script, "keelson db migrate --lock")).containsOnly("--lock-timeout");
    }

    private Path script(Shell shell) throws Exception {
        return Files.writeString(
                dir.resolve("keelson." + shell.name().toLowerCase()), CompletionScripts.of(shell, tree));
    }

    private List<String> bash(Path script, String line) throws Exception {
        return run(
                "bash",
                "-c",
                "compopt() { :; }; source \"$1\"; COMP_LINE=\"$2\"; read -ra COMP_WORDS <<< \"$2\"; [[ $2 == *' ' ]] && COMP_WORDS+=('');"
                        + " COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_POINT=${#2}; _complete_keelson keelson;"
                        + " printf '%s\\n' \"${COMPREPLY[@]}\"",
                "bash",
                script.toString(),
                line);
    }

    private List<String> zsh(Path script, String line) throws Exception {
        Path capture = dir.resolve("capture.zsh");
        try (InputStream in = getClass().getResourceAsStream("/completion/capture.zsh")) {
            Files.write(capture, in.readAllBytes());
        }
        return run("zsh", "-f", capture.toString(), script.toString(), line).stream()
                .distinct()
                .toList();
    }

    private List<String> fish(Path script, String line) throws Exception {
        return run("fish", "--no-config", "-c", "source $argv[1]; complete -C $argv[2]", script.toString(), line)
                .stream()
                .map(candidate -> candidate.split("\t", 2)[0])
                .toList();
    }

    private List<String> run(String... command) throws Exception {
        assumeTrue(
                onPath(command[0]) || "true".equalsIgnoreCase(System.getenv("CI")), command[0] + " is not installed");
        Path output = Files.createTempFile(dir, command[0], ".out");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(30, TimeUnit.SECONDS);
        process.destroyForcibly();
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished)
                .as(command[0] + " finished within 30 s: " + printed)
                .isTrue();
        assertThat(process.exitValue()).as(printed).isZero();
        return printed.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static boolean onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
