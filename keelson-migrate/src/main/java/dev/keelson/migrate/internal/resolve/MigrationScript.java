package dev.keelson.migrate.internal.resolve;

import dev.keelson.migrate.MigrationType;
import dev.keelson.migrate.Version;
import dev.keelson.migrate.internal.history.HistoryRepair;
import java.util.regex.Pattern;

/**
 * A migration file, read once: its parsed name, where it came from, its text and checksum.
 *
 * @param name     what the file name says
 * @param origin   where it was found, for messages (a path or a URL)
 * @param content  the text as read (UTF-8)
 * @param checksum {@link Checksum#of(byte[])} of the file's bytes
 */
public record MigrationScript(ScriptName name, String origin, String content, String checksum)
        implements HistoryRepair.AppliedFile {
    private static final Pattern NO_TRANSACTION =
            Pattern.compile("(?m)^[ \\t]*--[ \\t]*keelson:no-transaction[ \\t]*\\r?$");

    /** A file read as {@code raw} bytes and decoded as {@code content}. */
    public static MigrationScript of(ScriptName name, String origin, byte[] raw, String content) {
        return new MigrationScript(name, origin, content, Checksum.of(raw));
    }

    /** A file whose bytes are {@code content} in UTF-8. */
    public static MigrationScript of(ScriptName name, String origin, String content) {
        return new MigrationScript(name, origin, content, Checksum.of(content));
    }

    public MigrationType type() {
        return name.type();
    }

    public Version version() {
        return name.version();
    }

    public String description() {
        return name.description();
    }

    public String fileName() {
        return name.fileName();
    }

    /**
     * Whether a stored checksum is this file's: compared with the checksum computed at load time when it uses
     * the current algorithm, else recomputed with the older algorithm it names; an unknown format never matches.
     */
    public boolean matches(String stored) {
        if (stored == null) {
            return false;
        }
        if (stored.startsWith(Checksum.CURRENT)) {
            return stored.equals(checksum);
        }
        return Checksum.isOlder(stored) && stored.equals(Checksum.k1(content));
    }

    /** True when the file asks to run outside a transaction ({@code -- keelson:no-transaction} on its own line). */
    public boolean noTransaction() {
        return content.contains("keelson:no-transaction")
                && NO_TRANSACTION.matcher(content).find();
    }
}
