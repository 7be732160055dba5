package dev.keelson.cli.db;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.ExitCode;
import dev.keelson.migrate.ExecutedMigration;
import dev.keelson.migrate.LintPolicy;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.RollbackOptions;
import dev.keelson.migrate.RollbackResult;
import dev.keelson.migrate.Version;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keelson db rollback}: runs the undo files of the newest applied versions, newest first. */
@Command(
        name = "rollback",
        description = {
            "Undoes the newest applied versions with their U files, newest first (default: 1 step).",
            "A version without a U<version>__*.sql file stops the rollback before anything runs.",
            "Roll back everything with --all (the same as --to 0). The undo files are linted first (--no-lint skips it).",
            "When an undo fails, the ones that ran before it stay done and are listed."
        },
        exitCodeListHeading = DbCommand.EXIT_HEADING,
        exitCodeList = {DbCommand.EXIT_OK, DbCommand.EXIT_LOCKED, DbCommand.EXIT_USAGE, DbCommand.EXIT_INTERRUPTED})
final class RollbackCommand extends LockingCommand {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    HowFar howFar;

    @Option(names = "--dry-run", description = "Print the exact undo SQL that would run, in order; change nothing.")
    boolean dryRun;

    @Option(names = "--no-lint", description = "Skip the lint of the undo files that runs before anything is undone.")
    boolean noLint;

    /** Either a number of steps or a version to return to. */
    static final class HowFar {
        @Option(names = "--steps", paramLabel = "N", description = "Undo the N newest applied versions (default: 1).")
        Integer steps;

        @Option(
                names = "--to",
                paramLabel = "VERSION",
                converter = VersionConverter.class,
                description = "Undo every applied version above VERSION (--to 0: all of them).")
        Version to;

        @Option(
                names = "--all",
                description = "Undo every applied version, back to an empty history (or the baseline).")
        boolean all;
    }

    @Override
    int run(Migrator migrator, Printer printer) {
        RollbackResult result = migrator.rollback(options().withDryRun(dryRun));
        if (result.lint().warnings() > 0) {
            parent.root
                    .environment()
                    .err()
                    .println(LintDocuments.text(
                            result.lint(), parent.root.environment().colours()));
        }
        printer.print(() -> TextReports.rollback(result), () -> JsonDocuments.rollback(result));
        return ExitCode.OK;
    }

    @Override
    LintPolicy lintPolicy(CliEnvironment environment) {
        return noLint ? LintPolicy.off() : super.lintPolicy(environment);
    }

    @Override
    String noLintHint() {
        return "; or run rollback with --no-lint";
    }

    @Override
    String completedText(List<ExecutedMigration> completed) {
        return TextReports.completed(completed, "Undid", "undone");
    }

    @Override
    String completedField() {
        return "undone";
    }

    private RollbackOptions options() {
        if (howFar != null && howFar.all) {
            return RollbackOptions.all();
        }
        if (howFar != null && howFar.to != null) {
            return RollbackOptions.to(howFar.to);
        }
        return RollbackOptions.steps(howFar == null || howFar.steps == null ? 1 : howFar.steps);
    }
}
