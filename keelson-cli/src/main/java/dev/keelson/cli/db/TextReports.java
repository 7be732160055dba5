package dev.keelson.cli.db;

import dev.keelson.cli.Colours;
import dev.keelson.migrate.ExecutedMigration;
import dev.keelson.migrate.MigrateResult;
import dev.keelson.migrate.MigrationInfo;
import dev.keelson.migrate.MigrationState;
import dev.keelson.migrate.RepairResult;
import dev.keelson.migrate.RollbackResult;
import dev.keelson.migrate.StatusReport;
import dev.keelson.migrate.ValidationProblem;
import dev.keelson.migrate.ValidationResult;
import dev.keelson.migrate.Version;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The text a person reads for each result: one line per migration, aligned tables, a summary line. */
final class TextReports {
    private static final DateTimeFormatter APPLIED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final List<String> STATUS_HEADER =
            List.of("State", "Version", "Description", "Type", "Checksum", "Applied at (UTC)", "By", "Time");

    private TextReports() {}

    static String migrate(MigrateResult result) {
        if (result.dryRun()) {
            return dryRun(result.migrations(), "would be applied", result.schemaVersion());
        }
        if (result.migrations().isEmpty()) {
            return "Schema version " + version(result.schemaVersion()) + " · up to date, nothing to migrate";
        }
        StringBuilder text = new StringBuilder();
        for (ExecutedMigration m : result.migrations()) {
            text.append("Applied ")
                    .append(m.script())
                    .append(" (")
                    .append(duration(m.duration()))
                    .append(")\n");
        }
        return text.append("Schema version ")
                .append(version(result.schemaVersion()))
                .append(" · ")
                .append(count(result.migrations().size(), "migration"))
                .append(" applied in ")
                .append(duration(total(result.migrations())))
                .toString();
    }

    /**
     * What a run finished before it failed: {@code verb} and the file per line, then how many stay {@code state}
     * (committed and recorded in the history).
     */
    static String completed(List<ExecutedMigration> completed, String verb, String state) {
        StringBuilder text = new StringBuilder();
        for (ExecutedMigration m : completed) {
            text.append(verb)
                    .append(' ')
                    .append(m.script())
                    .append(" (")
                    .append(duration(m.duration()))
                    .append(")\n");
        }
        return text.append("Stopped after ")
                .append(count(completed.size(), "file"))
                .append(' ')
                .append(state)
                .append(" (committed and recorded in the history); the failure follows on standard error")
                .toString();
    }

    static String rollback(RollbackResult result) {
        if (result.dryRun()) {
            return dryRun(result.undone(), "would be rolled back", result.schemaVersion());
        }
        StringBuilder text = new StringBuilder();
        for (ExecutedMigration m : result.undone()) {
            text.append("Undid version ")
                    .append(m.version())
                    .append(" with ")
                    .append(m.script())
                    .append(" (")
                    .append(duration(m.duration()))
                    .append(")\n");
        }
        return text.append("Schema version ")
                .append(version(result.schemaVersion()))
                .append(" · ")
                .append(count(result.undone().size(), "version"))
                .append(" rolled back in ")
                .append(duration(total(result.undone())))
                .toString();
    }

    /** The exact SQL, file by file, each under a comment naming it; then what the run would reach. */
    static String dryRun(List<ExecutedMigration> migrations, String verb, Optional<Version> reached) {
        StringBuilder text = new StringBuilder();
        for (ExecutedMigration m : migrations) {
            // MongoDB's files are JSON commands: a // comment over them, and no semicolons
            boolean json = m.script().endsWith(".json");
            text.append(json ? "// " : "-- ").append(m.script());
            if (m.version() != null) {
                text.append(" (version ").append(m.version()).append(")");
            }
            text.append('\n');
            for (String statement : m.statements()) {
                text.append(statement.strip());
                text.append(json || statement.strip().endsWith(";") ? "\n" : ";\n");
            }
            text.append('\n');
        }
        return text.append("-- Dry run: ")
                .append(count(migrations.size(), "migration"))
                .append(' ')
                .append(verb)
                .append(", reaching schema version ")
                .append(version(reached))
                .append("; nothing was changed.")
                .toString();
    }

    static String status(StatusReport report) {
        return status(report, Colours.NONE);
    }

    /** The status table with each state coloured: applied green, pending yellow, failed and the like red. */
    static String status(StatusReport report, Colours colours) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(STATUS_HEADER);
        for (MigrationInfo m : report.migrations()) {
            rows.add(List.of(
                    words(m.state().name()),
                    m.version() == null ? "" : m.version().toString(),
                    m.description() == null ? "" : m.description(),
                    words(m.type().name()),
                    shortChecksum(m.checksum()),
                    m.appliedAt() == null ? "" : APPLIED_AT.format(m.appliedAt()),
                    m.appliedBy() == null ? "" : m.appliedBy(),
                    m.executionTime() == null ? "" : duration(m.executionTime())));
        }
        StringBuilder text = new StringBuilder();
        if (!report.migrations().isEmpty()) {
            text.append(colourStates(table(rows), report, colours));
        } else {
            text.append("No migrations found and none applied.\n");
        }
        for (MigrationInfo m : report.inState(MigrationState.FAILED)) {
            text.append("Failed: ")
                    .append(m.script())
                    .append(": ")
                    .append(m.failure())
                    .append('\n');
        }
        return text.append(statusSummary(report)).toString();
    }

    /** Colours the state that starts each row of {@code table} (its first line is the header). */
    private static String colourStates(String table, StatusReport report, Colours colours) {
        if (!colours.on()) {
            return table;
        }
        String[] lines = table.split("\n", -1);
        for (int i = 0; i < report.migrations().size() && i + 1 < lines.length; i++) {
            MigrationState state = report.migrations().get(i).state();
            String word = words(state.name());
            if (lines[i + 1].startsWith(word)) {
                lines[i + 1] = paint(state, word, colours) + lines[i + 1].substring(word.length());
            }
        }
        return String.join("\n", lines);
    }

    private static String paint(MigrationState state, String word, Colours colours) {
        return switch (state) {
            case APPLIED, BASELINE -> colours.green(word);
            case PENDING -> colours.yellow(word);
            default -> colours.red(word);
        };
    }

    /** "Schema version 3 · 2 pending · 0 failed", plus any other state that needs attention. */
    static String statusSummary(StatusReport report) {
        StringBuilder text = new StringBuilder("Schema version ")
                .append(version(report.schemaVersion()))
                .append(" · ")
                .append(report.inState(MigrationState.PENDING).size())
                .append(" pending")
                .append(" · ")
                .append(report.inState(MigrationState.FAILED).size())
                .append(" failed");
        for (MigrationState state :
                List.of(MigrationState.CHANGED, MigrationState.MISSING_FILE, MigrationState.OUT_OF_ORDER)) {
            int n = report.inState(state).size();
            if (n > 0) {
                text.append(" · ").append(n).append(' ').append(words(state.name()));
            }
        }
        return text.toString();
    }

    static String validate(ValidationResult result) {
        if (result.valid()) {
            return "Valid: every applied migration matches its file and none failed";
        }
        StringBuilder text = new StringBuilder();
        for (ValidationProblem p : result.problems()) {
            text.append(words(p.state().name()))
                    .append(": ")
                    .append(p.message())
                    .append('\n');
        }
        return text.append("Invalid: ")
                .append(count(result.problems().size(), "problem"))
                .append(" (fix the files, or run `keelson db repair` after a deliberate edit)")
                .toString();
    }

    static String repair(RepairResult result) {
        if (result.changedNothing()) {
            return "Nothing to repair: the history matches the files";
        }
        StringBuilder text = new StringBuilder();
        result.removedFailures()
                .forEach(s ->
                        text.append("Removed the failed entry of ").append(s).append('\n'));
        result.realignedChecksums()
                .forEach(
                        s -> text.append("Realigned the checksum of ").append(s).append('\n'));
        result.removedMissing()
                .forEach(s -> text.append("Marked as deleted (file missing): ")
                        .append(s)
                        .append('\n'));
        result.resumePoints()
                .forEach(s -> text.append("Next migrate: ").append(s).append('\n'));
        result.upgradedChecksums()
                .forEach(s -> text.append("Upgraded the checksum format of ")
                        .append(s)
                        .append('\n'));
        return text.append("Repaired: ")
                .append(count(
                        result.removedFailures().size()
                                + result.realignedChecksums().size()
                                + result.removedMissing().size()
                                + result.resumePoints().size()
                                + result.upgradedChecksums().size(),
                        "history entry",
                        "history entries"))
                .append(" changed")
                .toString();
    }

    static String duration(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }

    static String shortChecksum(String checksum) {
        if (checksum == null) {
            return "";
        }
        String hex = checksum.substring(checksum.indexOf(':') + 1);
        return hex.length() > 8 ? hex.substring(0, 8) : hex;
    }

    private static String table(List<List<String>> rows) {
        int[] widths = new int[rows.getFirst().size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row.get(i)));
                line.append(i < row.size() - 1 ? "  " : "");
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static Duration total(List<ExecutedMigration> migrations) {
        return migrations.stream().map(ExecutedMigration::duration).reduce(Duration.ZERO, Duration::plus);
    }

    private static String version(Optional<Version> version) {
        return version.map(Version::toString).orElse("none");
    }

    private static String words(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String count(int n, String noun) {
        return count(n, noun, noun + "s");
    }

    private static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
