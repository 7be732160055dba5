package dev.keelson.migrate.internal.resolve;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationType;
import dev.keelson.migrate.Version;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file name says: {@code V<version>__<desc>.sql}, {@code U<version>__<desc>.sql} or {@code R__<desc>.sql}.
 * Versions are digits separated by {@code .} or {@code _}; the description may hold underscores (shown as
 * spaces). These are Flyway's rules, so a Flyway folder works unchanged.
 *
 * @param type        {@link MigrationType#VERSIONED}, {@link MigrationType#UNDO} or {@link MigrationType#REPEATABLE}
 * @param version     the version; {@code null} for repeatable scripts
 * @param description the description with underscores as spaces
 * @param fileName    the file name itself
 */
public record ScriptName(MigrationType type, Version version, String description, String fileName) {
    private static final Pattern VERSIONED = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.+)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R__(.+)\\.sql");

    /**
     * Parses a file name. Files that do not end in {@code .sql}, and Flyway callbacks ({@link CallbackEvent}), are
     * not migrations: empty. A {@code .sql} file
     * that breaks the rules is an error that names it and says why.
     *
     * @throws MigrationException {@link MigrationErrorCode#INVALID_FILE_NAME}
     */
    public static Optional<ScriptName> parse(String fileName) {
        if (!fileName.endsWith(".sql")) {
            return Optional.empty();
        }
        Matcher v = VERSIONED.matcher(fileName);
        if (v.matches()) {
            MigrationType type = v.group(1).equals("V") ? MigrationType.VERSIONED : MigrationType.UNDO;
            return Optional.of(new ScriptName(type, Version.parse(v.group(2)), describe(v.group(3)), fileName));
        }
        Matcher r = REPEATABLE.matcher(fileName);
        if (r.matches()) {
            return Optional.of(new ScriptName(MigrationType.REPEATABLE, null, describe(r.group(1)), fileName));
        }
        if (CallbackEvent.ofFileName(fileName).isPresent()) {
            return Optional.empty(); // a Flyway callback (afterMigrate.sql ...): no migration, read as a callback
        }
        throw new MigrationException(MigrationErrorCode.INVALID_FILE_NAME, fileName + ": " + whyInvalid(fileName));
    }

    private static String describe(String raw) {
        return raw.replace('_', ' ').strip();
    }

    private static String whyInvalid(String fileName) {
        String stem = fileName.substring(0, fileName.length() - ".sql".length());
        if (stem.isEmpty() || "VUR".indexOf(stem.charAt(0)) < 0) {
            return "a migration file name starts with V (versioned), U (undo) or R (repeatable), like V1__create_users.sql";
        }
        if (stem.charAt(0) == 'R') {
            return "a repeatable file is named R__<description>.sql (two underscores, no version), like R__views.sql";
        }
        int sep = stem.indexOf("__");
        String version = sep < 0 ? stem.substring(1).split("[^0-9._]", 2)[0] : stem.substring(1, sep);
        if (sep < 0) {
            return "no '__' (two underscores) between the version and the description, like " + stem.charAt(0)
                    + "1__create_users.sql";
        }
        if (version.isEmpty()) {
            return "no version after '" + stem.charAt(0) + "': use digits separated by dots, like " + stem.charAt(0)
                    + "1__x.sql or " + stem.charAt(0) + "1.2__x.sql";
        }
        if (sep + 2 >= stem.length()) {
            return "no description after '__', like " + stem.substring(0, sep) + "__create_users.sql";
        }
        return "'" + version
                + "' is not a version: use digits separated by dots or underscores, like 1, 1.2 or 20261121093000";
    }
}
