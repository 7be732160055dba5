package dev.keelson.migrate.internal.database.mongodb;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.MigrationType;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.internal.history.HistoryRepair;
import dev.keelson.migrate.internal.history.StatementHashes;
import dev.keelson.migrate.internal.resolve.Placeholders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.BsonArray;

/**
 * A MongoDB migration file, read and parsed once: {@code V<version>__<desc>.json} or {@code U<version>__<desc>.json}.
 *
 * @param type        versioned or undo
 * @param version     its version
 * @param description the description, underscores as spaces
 * @param fileName    the file name
 * @param origin      where it was found, for messages
 * @param content     the text as read, for the lint
 * @param commands    the commands, placeholders replaced, in order
 * @param checksum    {@code j1:} + SHA-256 of the file's commands as canonical Extended JSON, placeholders not
 *                    replaced: white space, comments, line endings and the spelling of numbers and strings
 *                    ({@code 1e0}, {@code "\u0041"}) never change it; a key, a value, a type or the order does
 */
record CommandFile(
        MigrationType type,
        Version version,
        String description,
        String fileName,
        String origin,
        String content,
        List<Command> commands,
        String checksum)
        implements HistoryRepair.AppliedFile {
    /** The prefix of the checksum format. */
    static final String CHECKSUM_PREFIX = "j1:";

    private static final Pattern NAME = Pattern.compile("([VU])(\\d+(?:[._]\\d+)*)__(.+)\\.json");

    /**
     * Parses a file; empty for a file that is no migration (not {@code .json}).
     *
     * @throws MigrationException {@code INVALID_FILE_NAME} for a {@code .json} or {@code .sql} file that breaks the
     *     naming rules or is SQL, {@code JSON_PARSE_ERROR} for text that is no array of commands,
     *     {@code UNKNOWN_PLACEHOLDER} for a placeholder without a value; {@code null} placeholders leave them as
     *     written (the lint, which knows no values)
     */
    static Optional<CommandFile> read(String fileName, String origin, String content, Placeholders placeholders) {
        if (fileName.endsWith(".sql")) {
            throw new MigrationException(
                    MigrationErrorCode.INVALID_FILE_NAME,
                    fileName + " (" + origin + "): a SQL file in a MongoDB migration folder; MongoDB migrations are"
                            + " JSON arrays of database commands, named V<version>__<description>.json");
        }
        if (!fileName.endsWith(".json")) {
            return Optional.empty();
        }
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new MigrationException(
                    MigrationErrorCode.INVALID_FILE_NAME,
                    fileName + ": a MongoDB migration is named V<version>__<description>.json (or U<version>__..."
                            + " for its undo), like V1__create_users.json; repeatable files are SQL only");
        }
        MigrationType type = m.group(1).equals("V") ? MigrationType.VERSIONED : MigrationType.UNDO;
        String checksum = checksum(CommandArray.parse(fileName, content));
        List<Command> commands =
                CommandArray.parse(fileName, placeholders == null ? content : placeholders.replace(fileName, content));
        return Optional.of(new CommandFile(
                type,
                Version.parse(m.group(2)),
                m.group(3).replace('_', ' ').strip(),
                fileName,
                origin,
                content,
                List.copyOf(commands),
                checksum));
    }

    /** JSON checksums have one format so far: the stored one matches when it is this one. */
    @Override
    public boolean matches(String stored) {
        return checksum.equals(stored);
    }

    /** A hash per command as it runs, recorded while the file runs outside a transaction. */
    StatementHashes hashes() {
        return new StatementHashes(commands.stream().map(Command::hash).toList());
    }

    private static String checksum(List<Command> commands) {
        BsonArray all = new BsonArray();
        commands.forEach(c -> all.add(c.body()));
        // a top-level array is no document: wrap it, so the canonical writer can write it
        String canonical = new org.bson.BsonDocument("commands", all).toJson(Command.CANONICAL);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return CHECKSUM_PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
