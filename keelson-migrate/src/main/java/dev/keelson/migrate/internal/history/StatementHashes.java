package dev.keelson.migrate.internal.history;

import dev.keelson.migrate.internal.sql.SqlStatement;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A hash per statement of a file that runs outside a transaction, stored with its history row so that a run that
 * failed (or was interrupted) at statement k can be resumed at k once the file is fixed, provided statements 1 to
 * k-1 are still the ones that ran. Stored as {@code s1:} + the first 16 hex digits of the SHA-256 of each statement
 * (placeholders replaced, line endings normalised to {@code \n}), comma-separated; the prefix names the format.
 *
 * @param hashes one per statement, in order
 */
public record StatementHashes(List<String> hashes) {
    private static final String PREFIX = "s1:";

    public StatementHashes {
        hashes = List.copyOf(hashes);
    }

    public static StatementHashes of(List<SqlStatement> statements) {
        return new StatementHashes(statements.stream().map(s -> hash(s.sql())).toList());
    }

    /** The stored form's hashes; {@code null} for {@code null} or a format this version does not know. */
    public static StatementHashes parse(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return null;
        }
        String list = stored.substring(PREFIX.length());
        return new StatementHashes(list.isEmpty() ? List.of() : Arrays.asList(list.split(",")));
    }

    public String format() {
        return PREFIX + String.join(",", hashes);
    }

    public int count() {
        return hashes.size();
    }

    /**
     * The 1-based number of the first of the first {@code n} statements that differs from {@code other}'s; 0 when
     * they are all equal.
     */
    public int firstDifference(StatementHashes other, int n) {
        for (int i = 0; i < n; i++) {
            if (i >= hashes.size() || i >= other.hashes.size() || !hashes.get(i).equals(other.hashes.get(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String hash(String sql) {
        String text = sql.indexOf('\r') < 0 ? sql : sql.replace("\r\n", "\n").replace('\r', '\n');
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
