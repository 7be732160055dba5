package dev.keelson.migrate.internal.resolve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Versioned script checksums. The stored form names its algorithm and normalisation in a prefix, so a future
 * algorithm can be introduced next to this one and stored values upgraded explicitly:
 *
 * <ul>
 *   <li>{@code k1:} SHA-256, hex, of the UTF-8 bytes of the text with a leading byte-order mark removed and
 *       every {@code \r\n} and lone {@code \r} turned into {@code \n}. Line endings therefore never change a
 *       checksum; every other change does.
 * </ul>
 */
public final class Checksum {
    /** The prefix of the current algorithm. */
    public static final String CURRENT = "k1:";

    private Checksum() {}

    /** The checksum of {@code text} with the current algorithm. */
    public static String of(String text) {
        return CURRENT + sha256(normalise(text));
    }

    /**
     * Whether {@code stored} is the checksum of {@code text}, computed with the algorithm {@code stored} names.
     * A value with an unknown prefix never matches.
     */
    public static boolean matches(String stored, String text) {
        if (stored == null || !stored.startsWith(CURRENT)) {
            return false;
        }
        return stored.equals(of(text));
    }

    static String normalise(String text) {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
