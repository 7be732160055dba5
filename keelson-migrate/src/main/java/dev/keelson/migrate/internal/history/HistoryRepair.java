package dev.keelson.migrate.internal.history;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.RepairResult;
import dev.keelson.migrate.Version;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What {@code repair} writes to the history, for every engine: deletes failed rows, realigns the checksums of applied
 * files edited on purpose, and writes a {@link EntryType#DELETED} row for each applied file that is gone; or, asked
 * to, only records where {@code migrate} resumes a failed or interrupted file. The engine says what its files are now
 * and where its history is written.
 *
 * @param <E> what writing the history may throw ({@code SQLException} for a table)
 */
public final class HistoryRepair<E extends Exception> {
    /** Where the history is written: a table or a collection. */
    public interface Writer<E extends Exception> {
        void insert(HistoryRow row) throws E;

        void delete(List<Integer> ranks) throws E;

        void updateChecksum(int rank, String checksum) throws E;
    }

    /** An applied file as it is in the folder now. */
    public interface AppliedFile {
        String fileName();

        String checksum();

        /** True when the file still has the {@code stored} checksum (in any format the engine reads). */
        boolean matches(String stored);
    }

    /**
     * A failed file as it is now, to resume.
     *
     * @param units  how many statements (or commands) it has now
     * @param hashes their hashes, as the history stores them
     */
    public record Resumable(String fileName, String checksum, int units, StatementHashes hashes) {}

    private final History history;
    private final Writer<E> table;
    private final String installedBy;
    private final Clock clock;
    private final String unit;

    /**
     * @param installedBy who the rows written name as having installed them
     * @param unit        what a file is made of, in messages: {@code statement} or {@code command}
     */
    public HistoryRepair(History history, Writer<E> table, String installedBy, Clock clock, String unit) {
        this.history = history;
        this.table = table;
        this.installedBy = installedBy;
        this.clock = clock;
        this.unit = unit;
    }

    /**
     * Deletes failed rows, realigns checksums and marks files that are gone as deleted.
     *
     * @param versioned        the versioned file of a version, or {@code null} when there is none
     * @param repeatableExists whether a repeatable file of that description is in the folder
     */
    public RepairResult run(Function<Version, AppliedFile> versioned, Predicate<String> repeatableExists) throws E {
        List<HistoryRow> failed = history.allFailedRows();
        table.delete(failed.stream().map(HistoryRow::rank).toList());
        List<String> realigned = new ArrayList<>();
        List<String> forgotten = new ArrayList<>();
        int rank = history.nextRank();
        for (HistoryRow row : history.latestVersionRows()) {
            if (row.type() != EntryType.VERSIONED || !row.success()) {
                continue;
            }
            AppliedFile file = versioned.apply(row.version());
            if (file == null) {
                table.insert(deleted(row, rank++));
                forgotten.add(row.script());
            } else if (!file.matches(row.checksum())) {
                table.updateChecksum(row.rank(), file.checksum());
                realigned.add(file.fileName());
            }
        }
        for (HistoryRow row : history.latestRepeatableRows()) {
            if (row.type() == EntryType.REPEATABLE && row.success() && !repeatableExists.test(row.description())) {
                table.insert(deleted(row, rank++));
                forgotten.add(row.script());
            }
        }
        return new RepairResult(failed.stream().map(HistoryRow::script).toList(), realigned, forgotten);
    }

    /**
     * Records where the next {@code migrate} resumes a failed or interrupted file: a failed row whose hashes are the
     * file's as it is now and whose applied count says units before {@code at} ran (or, one past the last unit, a
     * successful row: the file counts as applied).
     *
     * @param name   the file name or version the user gave
     * @param fileOf the file of a failed row as it is now, empty when it is gone
     */
    public RepairResult resumeAt(String name, int at, Function<HistoryRow, Optional<Resumable>> fileOf) throws E {
        HistoryRow failed = lastRowOf(name)
                .filter(r -> !r.success() && r.type() != EntryType.UNDO)
                .orElseThrow(() -> new MigrationException(
                        MigrationErrorCode.INVALID_VERSION,
                        "--resume-at " + name + ":" + at + ": " + name
                                + " has no failed or interrupted run to resume (see `keelson db status`)"));
        Resumable file = fileOf.apply(failed)
                .orElseThrow(() -> new MigrationException(
                        MigrationErrorCode.INVALID_VERSION,
                        "--resume-at: the file of " + failed.script() + " is gone; restore it first"));
        int n = file.units();
        if (at > n + 1) {
            throw new MigrationException(
                    MigrationErrorCode.INVALID_VERSION,
                    "--resume-at " + name + ":" + at + ": " + file.fileName() + " has " + n + " " + unit
                            + "(s); give 1 to " + (n + 1) + " (" + (n + 1) + ": all of them ran)");
        }
        boolean complete = at == n + 1;
        table.insert(new HistoryRow(
                history.nextRank(),
                failed.version(),
                failed.description(),
                failed.type(),
                file.fileName(),
                file.checksum(),
                installedBy,
                clock.instant(),
                0,
                complete,
                at - 1,
                complete ? null : "repair --resume-at: resume at " + unit + " " + at,
                file.hashes()));
        String point = file.fileName()
                + (complete
                        ? " counts as applied (all " + n + " " + unit + "s ran)"
                        : " resumes at " + unit + " " + at + " of " + n);
        return new RepairResult(List.of(), List.of(), List.of(), List.of(point), List.of());
    }

    private Optional<HistoryRow> lastRowOf(String name) {
        Optional<HistoryRow> byFile = Stream.concat(
                        history.latestVersionRows().stream(), history.latestRepeatableRows().stream())
                .filter(r -> name.equals(r.script()))
                .findFirst();
        if (byFile.isPresent() || !name.matches("[0-9][0-9._]*")) {
            return byFile;
        }
        return history.latest(Version.parse(name));
    }

    private HistoryRow deleted(HistoryRow row, int rank) {
        return new HistoryRow(
                rank,
                row.version(),
                row.description(),
                EntryType.DELETED,
                row.script(),
                row.checksum(),
                installedBy,
                clock.instant(),
                0,
                true,
                0,
                null,
                null);
    }
}
