package dev.keelson.migrate;

import dev.keelson.migrate.internal.database.Databases;
import dev.keelson.migrate.internal.database.mongodb.MongoDb;
import dev.keelson.migrate.internal.resolve.ScriptName;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writing new migration files; no database involved.
 */
public final class MigrationFiles {
    private static final Pattern JSON_NAME = Pattern.compile("[VU](\\d+)(?:[._]\\d+)*__.+\\.json");

    private MigrationFiles() {}

    /**
     * Writes {@code V<n>__<description>.sql} and {@code U<n>__<description>.sql} into {@code dir} (created if
     * missing), where {@code n} is one more than the first part of the highest existing version. The description
     * is made file-name safe: runs of spaces become one underscore, characters other than letters, digits,
     * {@code _} and {@code -} are dropped.
     *
     * @return the two files written, versioned first
     * @throws MigrationException {@code FILE_WRITE_FAILED} when a file exists or cannot be written;
     *     {@code CONFIGURATION} when the description has no usable character
     */
    public static NewMigration createNext(Path dir, String description) {
        return createNext(dir, description, false);
    }

    /**
     * As {@link #createNext(Path, String)}; with {@code json}, MongoDB's files instead: {@code V<n>__<description>.json}
     * and {@code U<n>__<description>.json}, JSON arrays of database commands whose comments explain what goes in them
     * (see {@code docs/mongodb.md}).
     */
    public static NewMigration createNext(Path dir, String description, boolean json) {
        String slug = slug(description);
        Version version = Version.parse(nextNumber(dir).toString());
        String suffix = json ? ".json" : ".sql";
        String versioned = "V" + version + "__" + slug + suffix;
        String undo = "U" + version + "__" + slug + suffix;
        Path v = dir.resolve(versioned);
        Path u = dir.resolve(undo);
        try {
            Files.createDirectories(dir);
            if (Files.exists(v) || Files.exists(u)) {
                throw new FileAlreadyExistsException(Files.exists(v) ? v.toString() : u.toString());
            }
            Files.writeString(
                    v,
                    json ? jsonVersioned(versioned, description) : versionedHeader(versioned, description),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW);
            Files.writeString(
                    u,
                    json ? jsonUndo(undo, versioned) : undoHeader(undo, versioned),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new MigrationException(
                    MigrationErrorCode.FILE_WRITE_FAILED, e.getFile() + " already exists; nothing was written", e);
        } catch (IOException e) {
            throw new MigrationException(
                    MigrationErrorCode.FILE_WRITE_FAILED, "Cannot write into " + dir + ": " + e, e);
        }
        return new NewMigration(version, v, u);
    }

    private static String slug(String description) {
        String slug = description == null
                ? ""
                : description.strip().replaceAll("\\s+", "_").replaceAll("[^A-Za-z0-9_-]", "");
        if (slug.isEmpty()) {
            throw new MigrationException(
                    MigrationErrorCode.CONFIGURATION,
                    "Give a description with letters or digits, like \"create users\"");
        }
        return slug;
    }

    private static BigInteger nextNumber(Path dir) {
        if (!Files.isDirectory(dir)) {
            return BigInteger.ONE;
        }
        BigInteger highest = BigInteger.ZERO;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String file = f.getFileName().toString();
                Matcher json = JSON_NAME.matcher(file);
                Optional<ScriptName> name = json.matches() ? Optional.empty() : ScriptName.parse(file);
                if (json.matches()) {
                    highest = highest.max(new BigInteger(json.group(1)));
                } else if (name.isPresent() && name.get().version() != null) {
                    highest = highest.max(name.get().version().parts().getFirst());
                }
            }
        } catch (IOException e) {
            throw new MigrationException(MigrationErrorCode.FILE_WRITE_FAILED, "Cannot read " + dir + ": " + e, e);
        }
        return highest.add(BigInteger.ONE);
    }

    /**
     * Whether {@code dir} holds MongoDB migrations ({@code V<n>__*.json}) and no SQL ones: {@code new} then writes
     * JSON files there.
     */
    public static boolean holdsJson(Path dir) {
        return holdsJson(dir, null);
    }

    /**
     * Whether {@code new} writes MongoDB's JSON files into {@code dir}: when {@code url} (may be null) names a MongoDB
     * database, or {@code dir} holds {@code V<n>__*.json} files and no SQL ones.
     */
    public static boolean holdsJson(Path dir, String url) {
        if (Databases.find(url).orElse(null) instanceof MongoDb) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> names = files.filter(Files::isRegularFile)
                    .map(f -> f.getFileName().toString())
                    .toList();
            return names.stream().anyMatch(n -> JSON_NAME.matcher(n).matches())
                    && names.stream().noneMatch(n -> n.endsWith(".sql"));
        } catch (IOException e) {
            throw new MigrationException(MigrationErrorCode.FILE_WRITE_FAILED, "Cannot read " + dir + ": " + e, e);
        }
    }

    private static String jsonVersioned(String file, String description) {
        return "// " + file + ": " + description.strip() + "\n"
                + "// A JSON array of MongoDB database commands, run in order by `keelson db migrate`, each as\n"
                + "// db.runCommand({...}) runs it: create (with a validator), createIndexes, dropIndexes, collMod,\n"
                + "// insert, update (pipelines too), delete, renameCollection (full names, \"app.old\"), drop, ...\n"
                + "// On a replica set, a file of inserts, updates, deletes, creates and indexes of collections it creates\n"
                + "// runs in one transaction; any other file runs command by command, and after a failure migrate\n"
                + "// resumes at the failed command once it is fixed. Comments and white space are not part of the\n"
                + "// checksum; the commands are: do not change them once applied, write a new migration instead.\n"
                + "// Silence a lint finding with a comment in or before its command that reads\n"
                + "// (after its two slashes) keelson:lint-ignore RULE reason\n"
                + "[\n"
                + "  // {\"create\": \"orders\", \"validator\": {\"$jsonSchema\": {\"required\": [\"userId\"]}}},\n"
                + "  // {\"createIndexes\": \"orders\", \"indexes\": [{\"key\": {\"userId\": 1}, \"name\": \"userId_1\"}]}\n"
                + "]\n";
    }

    private static String jsonUndo(String file, String versioned) {
        return "// " + file + ": undoes " + versioned + "\n"
                + "// Run by `keelson db rollback`: revert every change " + versioned + " makes, in reverse order\n"
                + "// (drop what it creates, dropIndexes what it indexes, collMod back what it modifies).\n"
                + "[\n"
                + "  // {\"drop\": \"orders\"}\n"
                + "]\n";
    }

    private static String versionedHeader(String file, String description) {
        return "-- " + file + ": " + description.strip() + "\n"
                + "-- Applied once, in version order, by `keelson db migrate`; on PostgreSQL, SQLite and H2 inside one\n"
                + "-- transaction that rolls back entirely if a statement fails. Do not edit it once applied:\n"
                + "-- write a new migration instead. For CREATE INDEX CONCURRENTLY and the like, add the line\n"
                + "-- `-- keelson:no-transaction`.\n\n";
    }

    private static String undoHeader(String file, String versioned) {
        return "-- " + file + ": undoes " + versioned + "\n"
                + "-- Run by `keelson db rollback`: revert every change " + versioned + " makes, in reverse order\n"
                + "-- (DROP what it creates, restore what it alters).\n\n";
    }

    /** The pair of files {@link #createNext} wrote. */
    public record NewMigration(Version version, Path versioned, Path undo) {}
}
