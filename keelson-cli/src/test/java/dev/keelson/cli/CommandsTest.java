package dev.keelson.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command, in-process: its help (listed in its parent's, the same through {@code keelson help}), the exit
 * codes it documents (a subset of the one table) and its usage errors. Commands with JSON output are checked
 * against their documented shapes in their own tests ({@code JsonShapesTest}).
 */
class CommandsTest {
    /** Every command path, with the subcommands each parent must list and the exit codes its help documents. */
    static final Map<String, List<String>> CHILDREN = Map.of(
            "", List.of("new", "demo", "db", "load", "completion", "help"),
            "db", List.of("new", "migrate", "rollback", "status", "validate", "repair", "baseline", "lint", "diff"),
            "load", List.of("compare", "merge", "capacity", "kubernetes", "init"));

    static final Map<String, Set<Integer>> EXIT_CODES = Map.ofEntries(
            Map.entry("", Set.of(0, 1, 2, 3, 130)),
            Map.entry("new", Set.of(0, 1, 2, 130)),
            Map.entry("demo", Set.of(0, 1, 2, 130)),
            Map.entry("db", Set.of(0, 1, 2, 130)),
            Map.entry("db new", Set.of(0, 1, 2, 130)),
            Map.entry("db migrate", Set.of(0, 1, 2, 130)),
            Map.entry("db rollback", Set.of(0, 1, 2, 130)),
            Map.entry("db status", Set.of(0, 1, 2, 130)),
            Map.entry("db validate", Set.of(0, 1, 2, 130)),
            Map.entry("db repair", Set.of(0, 1, 2, 130)),
            Map.entry("db baseline", Set.of(0, 1, 2, 130)),
            Map.entry("db lint", Set.of(0, 1, 2, 130)),
            Map.entry("db diff", Set.of(0, 1, 2, 130)),
            Map.entry("load", Set.of(0, 1, 2, 3, 130)),
            Map.entry("load compare", Set.of(0, 2, 3, 130)),
            Map.entry("load merge", Set.of(0, 1, 2, 3, 130)),
            Map.entry("load kubernetes", Set.of(0, 1, 2, 130)),
            Map.entry("load capacity", Set.of(0, 1, 2, 3, 130)),
            Map.entry("load init", Set.of(0, 1, 2, 130)),
            Map.entry("completion", Set.of(0, 2)),
            Map.entry("help", Set.of(0, 2)));

    private static final Pattern EXIT_LINE = Pattern.compile("(?m)^  (\\d+) {2,}\\S");

    @TempDir
    Path dir;

    static Stream<String> commands() {
        return EXIT_CODES.keySet().stream().sorted();
    }

    private InProcessKeelson.Run run(String path, String... more) {
        List<String> args = new ArrayList<>(path.isEmpty() ? List.of() : Arrays.asList(path.split(" ")));
        args.addAll(List.of(more));
        return new InProcessKeelson(dir).run(args.toArray(String[]::new));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpThroughTheHelpCommandIsTheSameAsDashDashHelp(String path) {
        InProcessKeelson.Run dashDash = run(path, "--help");
        InProcessKeelson.Run command = run(("help " + path).strip());

        assertThat(dashDash.exitCode()).isZero();
        assertThat(command.exitCode()).isZero();
        assertThat(dashDash.out()).startsWith("Usage: keelson" + (path.isEmpty() ? "" : " " + path));
        assertThat(command.out()).isEqualTo(dashDash.out());
        assertThat(dashDash.err()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("commands")
    void helpListsTheExitCodesOfTheOneTable(String path) {
        String help = run(path, "--help").out();

        assertThat(help).contains("Exit codes (the same for every command, see docs/cli.md):");
        Set<Integer> listed = new TreeSet<>();
        Matcher line = EXIT_LINE.matcher(help.substring(help.indexOf("Exit codes")));
        while (line.find()) {
            listed.add(Integer.parseInt(line.group(1)));
        }
        assertThat(listed).isEqualTo(new TreeSet<>(EXIT_CODES.get(path)));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void anUnknownOptionIsExitTwoOnStandardError(String path) {
        InProcessKeelson.Run run = run(path, "--no-such-option");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        // picocli names the first problem: the option (with suggestions when some are close), or a missing parameter
        assertThat(run.err())
                .containsAnyOf("'--no-such-option'", "Missing required", "requires at least")
                .containsAnyOf("Usage: keelson" + (path.isEmpty() ? "" : " " + path), "Possible solutions: --");
    }

    @ParameterizedTest
    @MethodSource("commands")
    void onlyTheRootPrintsTheVersion(String path) {
        String help = run(path, "--help").out();

        assertThat(help.contains("--version")).isEqualTo(path.isEmpty() || path.equals("db baseline"));
        assertThat(help).contains("-h, --help", "-q, --quiet", "--verbose");
    }

    @Test
    void everyParentListsEverySubcommandWithAWholeSentence() {
        CHILDREN.forEach((parent, children) -> {
            String help = run(parent, "--help").out();
            String list = help.substring(help.indexOf("Commands:"), help.indexOf("Exit codes"));
            for (String child : children) {
                assertThat(list).as(parent + " lists " + child).containsPattern("(?m)^  " + child + " +\\S");
            }
            // each entry's text ends a sentence: no description cut at the end of a source line
            assertThat(list.strip()).as(parent).endsWith(".");
        });
    }

    @Test
    void theHelpCommandFollowsAPathOfAnyDepthAndRefusesAnUnknownOne() {
        assertThat(run("help db migrate").out()).startsWith("Usage: keelson db migrate");
        assertThat(run("help load compare").out()).startsWith("Usage: keelson load compare");

        InProcessKeelson.Run unknown = run("help db migrat");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).startsWith("Unknown command 'db migrat': db has new, migrate, rollback");
    }

    @Test
    void theLockTimeoutIsOfferedOnlyByCommandsThatTakeTheLock() {
        for (String taking : List.of("db migrate", "db rollback", "db repair", "db baseline")) {
            assertThat(run(taking, "--help").out()).as(taking).contains("--lock-timeout");
        }
        for (String notTaking : List.of("db status", "db validate", "db diff", "db lint", "db new")) {
            assertThat(run(notTaking, "--help").out()).as(notTaking).doesNotContain("--lock-timeout");
        }
        assertThat(run("db status", "--lock-timeout", "1s").exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
