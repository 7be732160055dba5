package dev.keelson.migrate;

import dev.keelson.migrate.internal.resolve.ScriptName;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writing new migration files; no database involved.
 */
public final class MigrationFiles {
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
        String slug = slug(description);
        Version version = Version.parse(nextNumber(dir).toString());
        String versioned = "V" + version + "__" + slug + ".sql";
        String undo = "U" + version + "__" + slug + ".sql";
        Path v = dir.resolve(versioned);
        Path u = dir.resolve(undo);
        try {
            Files.createDirectories(dir);
            if (Files.exists(v) || Files.exists(u)) {
                throw new FileAlreadyExistsException(Files.exists(v) ? v.toString() : u.toString());
            }
            Files.writeString(
                    v, versionedHeader(versioned, description), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            Files.writeString(u, undoHeader(undo, versioned), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            throw new MigrationException(
                    ErrorCode.FILE_WRITE_FAILED, e.getFile() + " already exists; nothing was written", e);
        } catch (IOException e) {
            throw new MigrationException(ErrorCode.FILE_WRITE_FAILED, "Cannot write into " + dir + ": " + e, e);
        }
        return new NewMigration(version, v, u);
    }

    private static String slug(String description) {
        String slug = description == null
                ? ""
                : description.strip().replaceAll("\\s+", "_").replaceAll("[^A-Za-z0-9_-]", "");
        if (slug.isEmpty()) {
            throw new MigrationException(
                    ErrorCode.CONFIGURATION, "Give a description with letters or digits, like \"create users\"");
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
                Optional<ScriptName> name = ScriptName.parse(f.getFileName().toString());
                if (name.isPresent() && name.get().version() != null) {
                    highest = highest.max(name.get().version().parts().getFirst());
                }
            }
        } catch (IOException e) {
            throw new MigrationException(ErrorCode.FILE_WRITE_FAILED, "Cannot read " + dir + ": " + e, e);
        }
        return highest.add(BigInteger.ONE);
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
