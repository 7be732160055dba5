package dev.keelson.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Completion scripts and man pages come from the command model: every command is in them, with its options. */
class CompletionAndManPagesTest {
    @TempDir
    Path dir;

    private final PrintWriter none = new PrintWriter(Writer.nullWriter());

    private CommandLine tree() {
        return Keelson.fullTree(new CliEnvironment(none, none, Map.of(), dir, false));
    }

    @Test
    void completionBashPrintsAScriptThatCompletesEveryCommandAndOption() {
        InProcessKeelson.Run run = new InProcessKeelson(dir).run("completion", "bash");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("complete -F _complete_keelson")
                .contains("db migrate", "load compare", "completion")
                .contains("--lock-timeout", "--fail-above", "--format");
        assertThat(new InProcessKeelson(dir).run("completion", "zsh").out())
                .startsWith("#compdef keelson\n")
                .contains("_keelson__db__migrate() {", "'--lock-timeout=[", "compdef _keelson keelson");
    }

    @Test
    void completionFishOffersSubcommandsAfterTheirParentAndOptionsAfterTheirCommand() {
        String fish = new InProcessKeelson(dir).run("completion", "fish").out();

        assertThat(fish)
                .startsWith("# keelson completion for fish\ncomplete -c keelson -f\n")
                .contains("complete -c keelson -n '__fish_use_subcommand' -a db -d 'Schema migrations:")
                .contains("-n '__fish_seen_subcommand_from db; and not __fish_seen_subcommand_from new migrate")
                .contains("complete -c keelson -n '__fish_seen_subcommand_from migrate' -l lock-timeout -r");
    }

    @Test
    void anUnknownShellIsABadUsage() {
        InProcessKeelson.Run run = new InProcessKeelson(dir).run("completion", "tcsh");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("tcsh").contains("BASH, ZSH, FISH");
    }

    @Test
    void thereIsAManPagePerCommandWithItsOptionsAndExitStatus() throws Exception {
        InstallFiles.main(new String[] {dir.toString(), "1.2.3"});

        Path man = dir.resolve("man/man1");
        assertThat(man.resolve("keelson.1")).isRegularFile();
        for (String page : new String[] {"keelson-db-migrate.1", "keelson-load-compare.1", "keelson-new.1"}) {
            assertThat(Files.readString(man.resolve(page)))
                    .contains(".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH EXIT STATUS", "keelson 1.2.3");
        }
        String migrate = Files.readString(man.resolve("keelson-db-migrate.1"));
        assertThat(migrate)
                .startsWith(".TH \"KEELSON-DB-MIGRATE\" 1 \"\" \"keelson 1.2.3\" \"Keelson Manual\"\n.SH NAME\n"
                        + "keelson\\-db\\-migrate \\- Applies pending migrations:")
                .contains(".B \\-\\-lock\\-timeout=DURATION")
                .contains(".B 130\ninterrupted")
                .contains(".SH SEE ALSO\nkeelson\\-db(1), keelson(1)");
        assertThat(Files.readString(man.resolve("keelson-db.1"))).contains(".B migrate\n");
        try (var pages = Files.list(man)) {
            assertThat(pages.count()).isEqualTo(countCommands(tree()));
        }
        assertThat(dir.resolve("completion/keelson.bash")).content().contains("_complete_keelson");
        assertThat(dir.resolve("completion/keelson.fish")).content().contains("-a migrate");
    }

    private static long countCommands(CommandLine line) {
        return 1
                + line.getSubcommands().values().stream()
                        .mapToLong(CompletionAndManPagesTest::countCommands)
                        .sum();
    }
}
