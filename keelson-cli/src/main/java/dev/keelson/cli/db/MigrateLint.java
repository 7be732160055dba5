package dev.keelson.cli.db;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.UsageException;
import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationInfo;
import dev.keelson.migrate.MigrationState;
import dev.keelson.migrate.Migrator;
import dev.keelson.migrate.lint.Severity;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * What {@code keelson db lint} and the lint of {@code migrate}/{@code rollback} share at the command line: which
 * files are pending, the server's version, and the severities of {@code keelson.properties}
 * ({@code lint.severity.RULE}). The lint before {@code migrate} and {@code rollback} itself runs in the library
 * ({@link dev.keelson.migrate.LintPolicy}).
 */
final class MigrateLint {
    private MigrateLint() {}

    /** File names of the pending versioned and repeatable files and of the undo files of pending versions. */
    static Set<String> pendingNames(Migrator migrator) {
        Set<String> names = new HashSet<>();
        for (MigrationInfo m : migrator.status().inState(MigrationState.PENDING)) {
            names.add(m.script());
            if (m.version() != null && m.script().startsWith("V")) {
                names.add("U" + m.script().substring(1));
            }
        }
        return names;
    }

    /** {@code SELECT VERSION()} of the database. */
    static String serverVersion(DbSettings settings) {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new MigrationException(
                    MigrationErrorCode.CONNECTION_FAILED,
                    "Cannot read the server version from " + settings.url() + ": " + e.getMessage()
                            + "; give --server-version instead",
                    e);
        }
    }

    /** {@code lint.severity.RULE} of {@code keelson.properties} (or the {@code config} file), overridden by {@code flags}. */
    static Map<String, Severity> severities(CliEnvironment environment, String config, Map<String, String> flags) {
        Map<String, String> levels = new LinkedHashMap<>();
        Properties file = DbConfig.load(config, environment);
        for (String key : file.stringPropertyNames()) {
            if (key.startsWith("lint.severity.")) {
                levels.put(key.substring("lint.severity.".length()), file.getProperty(key));
            }
        }
        levels.putAll(flags);
        Map<String, Severity> parsed = new LinkedHashMap<>();
        levels.forEach((rule, level) -> {
            try {
                parsed.put(rule, Severity.parse(level));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--severity " + rule + "=" + level + ": " + e.getMessage());
            }
        });
        return parsed;
    }
}
