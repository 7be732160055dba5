package dev.keelson.migrate.internal.database.mongodb;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationLocation;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.internal.resolve.Placeholders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every MongoDB migration file of the configured locations, checked for clashes: two files of one version, or an
 * undo file without its versioned file. Folders are searched recursively; files that are not {@code .json}
 * (a README) are skipped. A class path location is read when it is a folder on disk.
 *
 * @param versioned versioned files by version, ascending
 * @param undo      undo files by version
 */
record CommandCatalog(TreeMap<Version, CommandFile> versioned, Map<Version, CommandFile> undo) {

    static CommandCatalog load(List<MigrationLocation> locations, Placeholders placeholders, ClassLoader loader) {
        TreeMap<Version, CommandFile> versioned = new TreeMap<>();
        Map<Version, CommandFile> undo = new HashMap<>();
        for (MigrationLocation location : locations) {
            for (CommandFile file : read(folderOf(location, loader), location.toString(), placeholders)) {
                Map<Version, CommandFile> into =
                        file.type() == dev.keelson.migrate.MigrationType.UNDO ? undo : versioned;
                CommandFile before = into.putIfAbsent(file.version(), file);
                if (before != null) {
                    throw new MigrationException(
                            MigrationErrorCode.DUPLICATE_VERSION,
                            "Two files have version " + file.version() + ": " + before.origin() + " and "
                                    + file.origin() + "; rename or remove one of them");
                }
            }
        }
        for (CommandFile u : undo.values()) {
            if (!versioned.containsKey(u.version())) {
                throw new MigrationException(
                        MigrationErrorCode.INVALID_FILE_NAME,
                        u.fileName() + ": undo file without a versioned file V" + u.version() + "__*.json to undo ("
                                + u.origin() + "); add the V file or remove the U file");
            }
        }
        return new CommandCatalog(versioned, undo);
    }

    Optional<CommandFile> undoOf(Version version) {
        return Optional.ofNullable(undo.get(version));
    }

    private static Path folderOf(MigrationLocation location, ClassLoader loader) {
        return switch (location) {
            case MigrationLocation.Folder folder -> folder.dir();
            case MigrationLocation.Classpath cp -> {
                URL url = loader.getResource(cp.path());
                if (url == null || !"file".equals(url.getProtocol())) {
                    throw new MigrationException(
                            MigrationErrorCode.LOCATION_NOT_FOUND,
                            location
                                    + (url == null
                                            ? " is on no class path entry"
                                            : " is inside an archive (" + url
                                                    + "); MongoDB migrations are read from a folder: point the location at it"));
                }
                try {
                    yield Path.of(url.toURI());
                } catch (URISyntaxException e) {
                    throw new MigrationException(
                            MigrationErrorCode.LOCATION_NOT_FOUND, location + ": " + e.getMessage(), e);
                }
            }
        };
    }

    private static List<CommandFile> read(Path dir, String shownAs, Placeholders placeholders) {
        if (!Files.isDirectory(dir)) {
            throw new MigrationException(
                    MigrationErrorCode.LOCATION_NOT_FOUND,
                    "Migration folder " + shownAs + " does not exist (looked in " + dir.toAbsolutePath()
                            + "); create it or point --dir/location at it");
        }
        try (Stream<Path> files = Files.find(dir, Integer.MAX_VALUE, (p, a) -> a.isRegularFile())) {
            return files.sorted()
                    .filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".sql"))
                    .map(f -> CommandFile.read(f.getFileName().toString(), f.toString(), text(f), placeholders))
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new MigrationException(
                    MigrationErrorCode.LOCATION_NOT_FOUND, "Cannot read migration folder " + dir + ": " + e, e);
        }
    }

    private static String text(Path file) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MigrationException(
                    MigrationErrorCode.JSON_PARSE_ERROR, file + " is not valid UTF-8; JSON files are UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
