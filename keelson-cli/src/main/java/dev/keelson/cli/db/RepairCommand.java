package dev.keelson.cli.db;

import dev.keelson.cli.ExitCode;
import dev.keelson.cli.UsageException;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.RepairOptions;
import dev.keelson.migrate.RepairResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keelson db repair}: clears failed entries and realigns checksums after a deliberate edit. */
@Command(
        name = "repair",
        description = {
            "Clears failed history entries and realigns checksums after a deliberate edit; entries whose file is gone"
                    + " are marked as deleted.",
            "A file that failed outside a transaction (any file on MySQL/MariaDB and H2) needs no repair: fix it and"
                    + " migrate resumes at the failed statement. When migrate cannot tell where to resume (the file was"
                    + " interrupted, or a statement that ran changed) it prints the exact --resume-at to run."
        },
        exitCodeListHeading = DbCommand.EXIT_HEADING,
        exitCodeList = {DbCommand.EXIT_OK, DbCommand.EXIT_LOCKED, DbCommand.EXIT_USAGE, DbCommand.EXIT_INTERRUPTED})
final class RepairCommand extends LockingCommand {
    @Option(
            names = "--resume-at",
            paramLabel = "FILE:STATEMENT",
            description =
                    "Only record where the next migrate resumes a failed or interrupted file, e.g."
                            + " V3__add_index.sql:4 (statements before 4 count as applied; one past the last: all of them ran).")
    String resumeAt;

    @Option(
            names = "--upgrade-checksums",
            description =
                    "Only rewrite checksums stored in an older format (still verified with it) in the current one,"
                            + " for applied files that match them; recorded in the history.")
    boolean upgradeChecksums;

    @Override
    int run(Migrator migrator, Printer printer) {
        if (resumeAt != null && upgradeChecksums) {
            throw new UsageException("--resume-at and --upgrade-checksums are separate repairs: give one of them");
        }
        RepairResult result = migrator.repair(
                resumeAt != null
                        ? RepairOptions.resumeAt(resumeAt)
                        : upgradeChecksums ? RepairOptions.checksumUpgrade() : RepairOptions.all());
        printer.print(() -> TextReports.repair(result), () -> JsonDocuments.repair(result));
        return ExitCode.OK;
    }
}
