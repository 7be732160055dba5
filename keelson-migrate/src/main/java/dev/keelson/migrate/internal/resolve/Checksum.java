package dev.keelson.migrate.internal.resolve;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Script checksums. The stored form names its algorithm and normalisation in a prefix, so a new algorithm is
 * introduced next to the old ones: stored values of an older format keep being verified with the algorithm they
 * name (never a mass "checksum mismatch"), and {@code repair --upgrade-checksums} rewrites them explicitly.
 *
 * <ul>
 *   <li>{@code k2:} (current) SHA-256, hex, of the file's bytes with a leading UTF-8 byte-order mark removed and
 *       every CR LF and lone CR turned into LF. Line endings never change a checksum; every other byte does.
 *   <li>{@code k1:} (until 0.1) the same over the text as decoded, re-encoded as UTF-8. Identical for files that
 *       are valid UTF-8, but a file read from a jar is decoded leniently, so two different edits of a file that is
 *       not valid UTF-8 (Latin-1 accents, say) could decode alike and share a k1 checksum.
 * </ul>
 */
public final class Checksum {
    /** The prefix of the current algorithm. */
    public static final String CURRENT = "k2:";
    /** The prefix of the previous algorithm, still verified. */
    public static final String K1 = "k1:";

    private Checksum() {}

    /** The checksum of a file's bytes with the current algorithm. */
    public static String of(byte[] raw) {
        return CURRENT + sha256(normalise(raw));
    }

    /** The checksum of a text's UTF-8 bytes with the current algorithm. */
    public static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code k1:} checksum of a decoded text. */
    static String k1(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (s.indexOf('\r') >= 0) {
            s = s.replace("\r\n", "\n").replace('\r', '\n');
        }
        return K1 + sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code stored} was written by an older algorithm this version still verifies. */
    public static boolean isOlder(String stored) {
        return stored != null && stored.startsWith(K1);
    }

    static byte[] normalise(byte[] raw) {
        int start = raw.length >= 3 && (raw[0] & 0xff) == 0xEF && (raw[1] & 0xff) == 0xBB && (raw[2] & 0xff) == 0xBF
                ? 3
                : 0;
        if (start == 0 && !containsCr(raw)) {
            return raw; // the usual file: nothing to change, so no copy
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length - start);
        for (int i = start; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '\r') {
                out.write('\n');
                if (i + 1 < raw.length && raw[i + 1] == '\n') {
                    i++;
                }
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static boolean containsCr(byte[] raw) {
        for (byte b : raw) {
            if (b == '\r') {
                return true;
            }
        }
        return false;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
