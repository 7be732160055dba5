package dev.keelson.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code keelson completion bash|zsh|fish}: the shell completion script, generated from the command model. */
@Command(
        name = "completion",
        description = {
            "Prints the shell completion script for bash, zsh or fish, made from the commands and options themselves.",
            "bash: source <(keelson completion bash) in ~/.bashrc; zsh: source <(keelson completion zsh) in ~/.zshrc;"
                    + " fish: keelson completion fish > ~/.config/fish/completions/keelson.fish. The release archive"
                    + " carries them in share/completion/, next to the man pages in share/man/."
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.DONE, "2:no such shell (the message lists bash, zsh and fish)"})
final class CompletionCommand implements Callable<Integer> {
    @ParentCommand
    Keelson root;

    @Parameters(paramLabel = "bash|zsh|fish", description = "The shell.")
    Shell shell;

    @Override
    public Integer call() {
        root.environment().out().print(CompletionScripts.of(shell, Keelson.fullTree(root.environment())));
        root.environment().out().flush();
        return ExitCode.OK;
    }
}
