package dev.keelson.cli.db;

import dev.keelson.cli.ExitCode;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.RepairResult;
import picocli.CommandLine.Command;

/** {@code keelson db repair}: clears failed entries and realigns checksums after a deliberate edit. */
@Command(
        name = "repair",
        mixinStandardHelpOptions = true,
        description = {
            "Clears failed history entries and realigns checksums after a deliberate edit.",
            "After a failure on MySQL/MariaDB (DDL is not transactional) clean up what the failed migration left,",
            "then repair. Entries whose file is gone are marked as deleted."
        },
        exitCodeListHeading = DbCommand.EXIT_HEADING,
        exitCodeList = {DbCommand.EXIT_OK, DbCommand.EXIT_FAILED, DbCommand.EXIT_USAGE})
final class RepairCommand extends DatabaseCommand {
    @Override
    int run(Migrator migrator, Printer printer) {
        RepairResult result = migrator.repair();
        printer.print(() -> TextReports.repair(result), () -> JsonDocuments.repair(result));
        return ExitCode.OK;
    }
}
