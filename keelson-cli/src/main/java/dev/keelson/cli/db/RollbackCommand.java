package dev.keelson.cli.db;

import dev.keelson.cli.ExitCode;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.RollbackOptions;
import dev.keelson.migrate.RollbackResult;
import dev.keelson.migrate.Version;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keelson db rollback}: runs the undo files of the newest applied versions, newest first. */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = {
            "Undoes the newest applied versions with their U files, newest first (default: 1 step).",
            "A version without a U<version>__*.sql file stops the rollback before anything runs."
        },
        exitCodeListHeading = DbCommand.EXIT_HEADING,
        exitCodeList = {DbCommand.EXIT_OK, DbCommand.EXIT_FAILED, DbCommand.EXIT_USAGE})
final class RollbackCommand extends DatabaseCommand {
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    HowFar howFar;

    @Option(names = "--dry-run", description = "Print the exact undo SQL that would run, in order; change nothing.")
    boolean dryRun;

    /** Either a number of steps or a version to return to. */
    static final class HowFar {
        @Option(names = "--steps", paramLabel = "N", description = "Undo the N newest applied versions (default: 1).")
        Integer steps;

        @Option(names = "--to", paramLabel = "VERSION", converter = VersionConverter.class,
                description = "Undo every applied version above VERSION.")
        Version to;
    }

    @Override
    int run(Migrator migrator, Printer printer) {
        RollbackResult result = migrator.rollback(options().withDryRun(dryRun));
        printer.print(() -> TextReports.rollback(result), () -> JsonDocuments.rollback(result));
        return ExitCode.OK;
    }

    private RollbackOptions options() {
        if (howFar != null && howFar.to != null) {
            return RollbackOptions.to(howFar.to);
        }
        return RollbackOptions.steps(howFar == null || howFar.steps == null ? 1 : howFar.steps);
    }
}
