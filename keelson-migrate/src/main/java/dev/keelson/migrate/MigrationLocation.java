package dev.keelson.migrate;

import dev.keelson.migrate.internal.resolve.Location;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where migration files live, checked when it is made: a folder on disk (searched recursively) or a path on the
 * class path (a folder or inside a jar). Its {@link #toString()} is the text form {@link #parse} reads.
 *
 * <pre>{@code
 * Migrator.configure().location(MigrationLocation.folder(Path.of("db/migration")))...
 * Migrator.configure().location(MigrationLocation.parse("classpath:db/migration"))...
 * }</pre>
 */
public sealed interface MigrationLocation {

    /** A folder on disk. */
    record Folder(Path dir) implements MigrationLocation {
        public Folder {
            Objects.requireNonNull(dir, "dir");
        }

        @Override
        public String toString() {
            return "filesystem:" + dir;
        }
    }

    /** A resource path such as {@code db/migration}, without leading or trailing slashes. */
    record Classpath(String path) implements MigrationLocation {
        public Classpath {
            if (path == null || path.isBlank()) {
                throw new MigrationException(
                        MigrationErrorCode.CONFIGURATION,
                        "A class path location needs a path, like" + " classpath:db/migration");
            }
        }

        @Override
        public String toString() {
            return "classpath:" + path;
        }
    }

    static MigrationLocation folder(Path dir) {
        return new Folder(dir);
    }

    static MigrationLocation classpath(String path) {
        return parse("classpath:" + path);
    }

    /**
     * Parses {@code filesystem:PATH} (the default when there is no prefix) or {@code classpath:PATH}.
     *
     * @throws MigrationException {@link MigrationErrorCode#CONFIGURATION} for another prefix or an empty path
     */
    static MigrationLocation parse(String text) {
        if (text == null) {
            throw new MigrationException(MigrationErrorCode.CONFIGURATION, "A location is missing (null)");
        }
        return switch (Location.parse(text)) {
            case Location.Filesystem fs -> new Folder(fs.dir());
            case Location.Classpath cp -> new Classpath(cp.path());
        };
    }
}
