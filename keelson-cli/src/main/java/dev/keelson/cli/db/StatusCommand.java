package dev.keelson.cli.db;

import dev.keelson.cli.ExitCode;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.StatusReport;
import picocli.CommandLine.Command;

/** {@code keelson db status}: every migration with its state. */
@Command(
        name = "status",
        description = {
            "Lists every migration with its state; changes nothing and takes no lock.",
            "States: applied, pending, failed, missing file, changed, out of order, baseline. Columns: version,"
                    + " description, type, checksum, when it was applied, by whom and how long it took."
        },
        exitCodeListHeading = DbCommand.EXIT_HEADING,
        exitCodeList = {DbCommand.EXIT_OK, DbCommand.EXIT_FAILED, DbCommand.EXIT_USAGE, DbCommand.EXIT_INTERRUPTED})
final class StatusCommand extends DatabaseCommand {
    @Override
    int run(Migrator migrator, Printer printer) {
        StatusReport report = migrator.status();
        printer.print(
                () -> TextReports.status(report, parent.root.environment().colours()),
                () -> JsonDocuments.status(report));
        return ExitCode.OK;
    }
}
