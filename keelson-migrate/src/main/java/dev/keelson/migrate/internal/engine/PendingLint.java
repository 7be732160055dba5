package dev.keelson.migrate.internal.engine;

import dev.keelson.migrate.LintFailedException;
import dev.keelson.migrate.LintPolicy;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.internal.resolve.MigrationScript;
import dev.keelson.migrate.internal.resolve.Placeholders;
import dev.keelson.migrate.internal.resolve.ScriptCatalog;
import dev.keelson.migrate.lint.LintConfig;
import dev.keelson.migrate.lint.LintDialect;
import dev.keelson.migrate.lint.LintFile;
import dev.keelson.migrate.lint.LintReport;
import dev.keelson.migrate.lint.Linter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The lint {@code migrate} and {@code rollback} run on the files they are about to run, before running any: every
 * file of the catalog (already read) is handed over, placeholders replaced, so the lint knows the schema the applied
 * ones built (it reads of them only what it needs, see {@link Linter}), and only the files to run are reported on,
 * as one run. Errors stop the command ({@link LintFailedException}); warnings are returned.
 */
final class PendingLint {
    private PendingLint() {}

    /**
     * Lints {@code toRun} in the context of {@code catalog}.
     *
     * @param what the command's files, for the message: "pending migrations" or "undo files"
     * @throws LintFailedException when a finding is an error
     */
    static LintReport check(
            Session db,
            LintPolicy policy,
            Map<String, String> placeholders,
            ScriptCatalog catalog,
            List<PreparedScript> toRun,
            String what)
            throws SQLException {
        LintDialect dialect = dialectOf(db);
        if (!policy.enabled() || dialect == null || toRun.isEmpty()) {
            return LintReport.EMPTY;
        }
        String version = dialect == LintDialect.MYSQL && policy.serverVersion() == null
                ? serverVersion(db)
                : policy.serverVersion();
        Linter linter = Linter.of(new LintConfig(dialect, version, policy.severities()));
        LintReport report = linter.lintRun(files(catalog, toRun, new Placeholders(placeholders)));
        if (report.errors() > 0) {
            throw new LintFailedException(
                    "The lint found " + report.errors() + " error(s) in the " + what
                            + " (each names file, line and rule); nothing was run. Fix them, or silence one with a line"
                            + " `-- keelson:lint-ignore RULE reason` before its statement",
                    report);
        }
        return report;
    }

    private static LintDialect dialectOf(Session db) {
        return db.dialect().lintDialect().orElse(null);
    }

    private static List<LintFile> files(ScriptCatalog catalog, List<PreparedScript> toRun, Placeholders placeholders) {
        Set<String> checked = new HashSet<>();
        toRun.forEach(p -> checked.add(p.script().fileName()));
        List<LintFile> files = new ArrayList<>();
        Stream.of(
                        catalog.versioned().values(),
                        catalog.undo().values(),
                        catalog.repeatable().values())
                .flatMap(c -> c.stream())
                .forEach(s ->
                        files.add(new LintFile(s.fileName(), text(s, placeholders), checked.contains(s.fileName()))));
        return files;
    }

    /** The text that runs; a file outside the run may use a placeholder without a value: its raw text then. */
    private static String text(MigrationScript script, Placeholders placeholders) {
        try {
            return placeholders.replace(script.fileName(), script.content());
        } catch (MigrationException e) {
            return script.content();
        }
    }

    private static String serverVersion(Session db) throws SQLException {
        try (Statement s = db.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
