package dev.keelson.migrate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A migration version such as {@code 1}, {@code 1.2} or {@code 20261121093000}. Versions compare as numbers,
 * part by part: {@code 1.2 < 1.10 < 2}, and trailing zero parts do not count ({@code 1.0 == 1}). Parts may be
 * separated by {@code .} or {@code _} in file names; {@link #toString()} always uses dots.
 */
public final class Version implements Comparable<Version> {
    private static final Pattern VALID = Pattern.compile("\\d+([._]\\d+)*");
    // compiled once: String.split compiles a two-character class anew on every call, for each of 10,000 files
    private static final Pattern SEPARATOR = Pattern.compile("[._]");

    private final List<BigInteger> parts;
    private final String text;

    private Version(List<BigInteger> parts, String text) {
        this.parts = parts;
        this.text = text;
    }

    /**
     * Parses a version.
     *
     * @throws IllegalArgumentException naming the text when it is not digits separated by dots or underscores
     */
    public static Version parse(String text) {
        if (text == null || !VALID.matcher(text).matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a version: use digits separated by dots, like 1, 1.2 or 20261121093000");
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String part : SEPARATOR.split(text)) {
            parts.add(new BigInteger(part));
        }
        int significant = parts.size();
        while (significant > 1 && parts.get(significant - 1).signum() == 0) {
            significant--;
        }
        return new Version(List.copyOf(parts.subList(0, significant)), text.replace('_', '.'));
    }

    /** The numeric parts, without trailing zero parts. */
    public List<BigInteger> parts() {
        return parts;
    }

    @Override
    public int compareTo(Version other) {
        int common = Math.min(parts.size(), other.parts.size());
        for (int i = 0; i < common; i++) {
            int c = parts.get(i).compareTo(other.parts.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(parts.size(), other.parts.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && parts.equals(v.parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    /** The version as written, with dots between parts. */
    @Override
    public String toString() {
        return text;
    }
}
