package dev.keelson.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandTreeTest {
    private final CliEnvironment environment = new CliEnvironment(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(), Path.of("."), false);

    private CommandLine attached(String... args) {
        CommandLine line = new CommandLine(new Keelson(environment));
        CommandTree.attach(line, args, 0);
        return line;
    }

    @Test
    void aNamedBranchIsTheOnlyOneAttached() {
        CommandLine line = attached("--verbose", "db", "status", "--url", "jdbc:h2:mem:x");

        assertThat(line.getSubcommands()).containsOnlyKeys("db");
        assertThat(line.getSubcommands().get("db").getSubcommands()).containsOnlyKeys("status");
    }

    @Test
    void noNamedSubcommandAttachesTheWholeTreeBelow() {
        assertThat(attached("--help").getSubcommands())
                .containsOnlyKeys("db", "load", "new", "add", "demo", "completion", "help");
        assertThat(attached("--help").getSubcommands().get("load").getSubcommands())
                .containsOnlyKeys("compare", "merge", "capacity", "kubernetes", "init");
        assertThat(attached("db", "statu").getSubcommands().get("db").getSubcommands())
                .containsKeys("new", "migrate", "rollback", "status", "validate", "repair", "baseline", "lint", "diff");
    }

    @Test
    void theHelpCommandSeesEveryCommand() {
        CommandLine line = attached("help", "db");

        assertThat(line.getSubcommands()).containsOnlyKeys("db", "load", "new", "add", "demo", "completion", "help");
        assertThat(line.getSubcommands().get("db").getSubcommands()).hasSize(9);
    }

    @Test
    void usageOfAParentListsEverySubcommandAndATypoGetsSuggestions() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment captured =
                new CliEnvironment(new PrintWriter(out), new PrintWriter(err), Map.of(), Path.of("."), false);

        assertThat(Keelson.run(new String[] {"db", "statu"}, captured)).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("Did you mean: db status");

        assertThat(Keelson.run(new String[] {"db"}, captured)).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("  baseline").contains("  diff").contains("  lint");
    }
}
