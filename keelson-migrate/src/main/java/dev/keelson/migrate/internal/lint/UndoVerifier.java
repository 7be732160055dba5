package dev.keelson.migrate.internal.lint;

import dev.keelson.migrate.LintPolicy;
import dev.keelson.migrate.MigrateOptions;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationType;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.MigratorConfig;
import dev.keelson.migrate.RollbackOptions;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.diff.DbSchema;
import dev.keelson.migrate.diff.Difference;
import dev.keelson.migrate.diff.SchemaComparison;
import dev.keelson.migrate.diff.SchemaDiff;
import dev.keelson.migrate.internal.diff.ScratchDatabase;
import dev.keelson.migrate.internal.resolve.ScriptName;
import dev.keelson.migrate.lint.Finding;
import dev.keelson.migrate.lint.LintFile;
import dev.keelson.migrate.lint.RuleInfo;
import dev.keelson.migrate.lint.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Proves each checked versioned file's undo file restores the schema: on one scratch database next to the
 * configured server, migrates to the version before, reads the schema, applies the version, rolls it back, reads
 * again and compares; then re-applies the version and goes on. The scratch database is dropped whatever happens.
 */
public final class UndoVerifier {
    public static final RuleInfo INFO = new RuleInfo(
            "undo-does-not-restore",
            Severity.ERROR,
            "all",
            "an undo file that does not restore the schema (applied up then undo on a scratch database and diffed)");
    static final String WHY = "keelson db rollback would leave the database in a schema no migration describes, "
            + "and the next migrate can fail on it";
    static final String FIX = "make the U file revert every change of its V file, in reverse order; keelson db diff "
            + "--generate writes both from a database";

    private UndoVerifier() {}

    /** Findings for the checked V files of {@code files} that have an undo file, with severity {@code severity}. */
    public static List<Finding> verify(MigratorConfig config, List<LintFile> files, Severity severity) {
        Map<Version, LintFile> checked = new TreeMap<>();
        Map<Version, LintFile> undo = new TreeMap<>();
        for (LintFile f : files) {
            ScriptName name = parse(f);
            if (name != null && name.type() == MigrationType.VERSIONED && f.checked()) {
                checked.put(name.version(), f);
            } else if (name != null && name.type() == MigrationType.UNDO) {
                undo.put(name.version(), f);
            }
        }
        checked.keySet().retainAll(undo.keySet());
        List<Finding> findings = new ArrayList<>();
        if (checked.isEmpty()) {
            return findings;
        }
        try (ScratchDatabase scratch = ScratchDatabase.create(config.url(), config.user(), config.password())) {
            Migrator migrator = Migrator.of(new MigratorConfig(
                    scratch.url(),
                    config.user(),
                    config.password(),
                    null,
                    config.locations(),
                    config.placeholders(),
                    config.historyTable(),
                    config.lockTimeout(),
                    true,
                    config.installedBy(),
                    config.listener(),
                    config.clock(),
                    MigratorConfig.DEFAULT_LOCK_STALE_AFTER,
                    LintPolicy.off()));
            for (Map.Entry<Version, LintFile> e : checked.entrySet()) {
                // after a bad undo the scratch schema is no longer the files' schema: later versions cannot be proven
                if (!verifyOne(
                        migrator,
                        scratch,
                        config.historyTable(),
                        e.getKey(),
                        undo.get(e.getKey()),
                        severity,
                        findings)) {
                    break;
                }
            }
        }
        return findings;
    }

    /** Returns false when the undo failed or left differences. */
    private static boolean verifyOne(
            Migrator migrator,
            ScratchDatabase scratch,
            String history,
            Version version,
            LintFile undoFile,
            Severity severity,
            List<Finding> findings) {
        DbSchema before = null;
        try {
            Version previous = previous(migrator, version);
            if (previous != null) {
                migrator.migrate(new MigrateOptions(previous, false));
            }
            before = read(scratch, history);
            migrator.migrate(new MigrateOptions(version, false));
            migrator.rollback(RollbackOptions.steps(1));
            SchemaComparison left = SchemaDiff.compare(before, read(scratch, history));
            if (!left.equal()) {
                findings.add(finding(
                        undoFile,
                        severity,
                        "after V" + version + " and its undo, the schema differs: " + describe(left)));
                return false;
            }
            migrator.migrate(new MigrateOptions(version, false));
            return true;
        } catch (MigrationException e) {
            findings.add(finding(
                    undoFile,
                    severity,
                    (before == null
                                    ? "could not prepare the scratch database: "
                                    : "applying V" + version + " then its undo failed: ")
                            + e.getMessage()));
            return false;
        }
    }

    /** The highest version below {@code version}, or null (nothing to apply) when there is none. */
    private static Version previous(Migrator migrator, Version version) {
        Version best = null;
        for (var m : migrator.status().migrations()) {
            if (m.version() != null
                    && m.version().compareTo(version) < 0
                    && (best == null || m.version().compareTo(best) > 0)) {
                best = m.version();
            }
        }
        return best;
    }

    private static DbSchema read(ScratchDatabase scratch, String history) {
        return SchemaDiff.read(scratch.url(), scratch.user(), scratch.password(), history);
    }

    private static String describe(SchemaComparison c) {
        List<String> parts = new ArrayList<>();
        for (Difference d : c.differences()) {
            String what = d.kind().label() + " " + (d.table() == null ? "" : d.table() + ".") + d.name();
            parts.add(what
                    + (d.onlyInFrom()
                            ? " is gone"
                            : d.onlyInTo() ? " is left over" : " changed (" + String.join(", ", d.changed()) + ")"));
        }
        return String.join("; ", parts);
    }

    private static Finding finding(LintFile undoFile, Severity severity, String message) {
        return new Finding(undoFile.path(), 1, INFO.id(), severity, message, WHY, FIX);
    }

    private static ScriptName parse(LintFile f) {
        try {
            return ScriptName.parse(f.fileName()).orElse(null);
        } catch (MigrationException e) {
            return null;
        }
    }
}
