package dev.keelson.migrate.internal.lint;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A MySQL or MariaDB server version, from {@code SELECT VERSION()} ({@code 8.0.36}, {@code 10.11.6-MariaDB-log}).
 *
 * @param mariadb true for MariaDB
 * @param major   major version
 * @param minor   minor version
 * @param patch   patch version
 */
public record ServerVersion(boolean mariadb, int major, int minor, int patch) implements Comparable<ServerVersion> {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

    /** MariaDB 10.11, the current long-term release, assumed when nothing else is known. */
    public static final ServerVersion DEFAULT = new ServerVersion(true, 10, 11, 0);

    /**
     * Parses a version string; {@code null} gives {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException when it does not start with {@code major.minor}
     */
    public static ServerVersion parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        Matcher m = VERSION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a server version like 8.0.36 or 10.11.6-MariaDB");
        }
        int major = Integer.parseInt(m.group(1));
        boolean mariadb = text.toLowerCase(java.util.Locale.ROOT).contains("mariadb") || major >= 10;
        return new ServerVersion(
                mariadb, major, Integer.parseInt(m.group(2)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    /** True when this server is at least {@code major.minor.patch} (of the same product). */
    public boolean atLeast(int major, int minor, int patch) {
        return compareTo(new ServerVersion(mariadb, major, minor, patch)) >= 0;
    }

    @Override
    public int compareTo(ServerVersion o) {
        int c = Integer.compare(major, o.major);
        c = c != 0 ? c : Integer.compare(minor, o.minor);
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return (mariadb ? "MariaDB " : "MySQL ") + major + "." + minor + "." + patch;
    }
}
