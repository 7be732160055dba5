package dev.keelson.migrate.internal.resolve;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import java.nio.file.Path;

/**
 * Where migration files live: a folder on disk or a path on the class path (a folder or inside a jar).
 */
public sealed interface Location {

    /** A folder on disk, searched recursively. */
    record Filesystem(Path dir) implements Location {}

    /** A resource path such as {@code db/migration}, searched in every class path entry that has it. */
    record Classpath(String path) implements Location {}

    /**
     * Parses {@code filesystem:path} (the default when there is no prefix) or {@code classpath:path}.
     *
     * @throws MigrationException {@link MigrationErrorCode#CONFIGURATION} for another prefix or an empty path
     */
    static Location parse(String text) {
        String t = text.strip();
        if (t.startsWith("classpath:")) {
            String path = strip(t.substring("classpath:".length()));
            return new Classpath(path);
        }
        if (t.startsWith("filesystem:")) {
            t = t.substring("filesystem:".length());
        } else if (t.matches("[A-Za-z][A-Za-z0-9+.-]+:.*") && !t.matches("[A-Za-z]:[\\\\/].*")) {
            throw new MigrationException(
                    MigrationErrorCode.CONFIGURATION,
                    "Location '" + text + "' has an unknown prefix: use filesystem:PATH or classpath:PATH");
        }
        if (t.isBlank()) {
            throw new MigrationException(MigrationErrorCode.CONFIGURATION, "Location '" + text + "' names no folder");
        }
        return new Filesystem(Path.of(t));
    }

    private static String strip(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
