package dev.keelson.migrate;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A migration version such as {@code 1}, {@code 1.2} or {@code 20261121093000}. Versions compare as numbers,
 * part by part: {@code 1.2 < 1.10 < 2}, and trailing zero parts do not count ({@code 1.0 == 1}). Parts may be
 * separated by {@code .} or {@code _} in file names; {@link #toString()} always uses dots.
 */
public final class Version implements Comparable<Version> {
    /** Parts up to 18 digits (leading zeros aside) fit a long, every real version's do; longer ones stay exact. */
    private static final int LONG_DIGITS = 18;

    /** The parts when each fits a long (the usual case: compared without allocating), else null. */
    private final long[] small;
    /** The parts when one does not fit a long, else null. */
    private final BigInteger[] big;

    private final String text;

    private Version(long[] small, BigInteger[] big, String text) {
        this.small = small;
        this.big = big;
        this.text = text;
    }

    /**
     * Parses a version.
     *
     * @throws IllegalArgumentException naming the text when it is not digits separated by dots or underscores
     */
    public static Version parse(String text) {
        // hand-written rather than a regex and a split: every file name and history row of a 10,000-file folder
        // passes through here, in a JVM that has compiled nothing yet
        List<String> parts = partsOf(text);
        int significant = parts.size();
        while (significant > 1 && isZero(parts.get(significant - 1))) {
            significant--;
        }
        long[] small = new long[significant];
        for (int i = 0; i < significant; i++) {
            String part = parts.get(i);
            if (digits(part) > LONG_DIGITS) {
                return new Version(null, bigParts(parts, significant), text.replace('_', '.'));
            }
            small[i] = Long.parseLong(part);
        }
        return new Version(small, null, text.replace('_', '.'));
    }

    /** The parts as written: digits between {@code .} or {@code _}, at least one. */
    private static List<String> partsOf(String text) {
        if (text == null || text.isEmpty()) {
            throw notAVersion(text);
        }
        List<String> parts = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '.';
            if (c == '.' || c == '_') {
                if (i == start) {
                    throw notAVersion(text);
                }
                parts.add(text.substring(start, i));
                start = i + 1;
            } else if (c < '0' || c > '9') {
                throw notAVersion(text);
            }
        }
        return parts;
    }

    private static IllegalArgumentException notAVersion(String text) {
        return new IllegalArgumentException(
                "'" + text + "' is not a version: use digits separated by dots, like 1, 1.2 or 20261121093000");
    }

    private static boolean isZero(String digits) {
        return digits(digits) == 0;
    }

    /** The number of digits without leading zeros. */
    private static int digits(String part) {
        int i = 0;
        while (i < part.length() && part.charAt(i) == '0') {
            i++;
        }
        return part.length() - i;
    }

    private static BigInteger[] bigParts(List<String> parts, int significant) {
        BigInteger[] big = new BigInteger[significant];
        for (int i = 0; i < significant; i++) {
            big[i] = new BigInteger(parts.get(i));
        }
        return big;
    }

    /** The numeric parts, without trailing zero parts. */
    public List<BigInteger> parts() {
        if (big != null) {
            return List.of(big);
        }
        return Arrays.stream(small).mapToObj(BigInteger::valueOf).toList();
    }

    @Override
    public int compareTo(Version other) {
        if (small != null && other.small != null) {
            int c = Arrays.compare(small, other.small); // part by part, then the shorter first, as below
            return Integer.signum(c);
        }
        List<BigInteger> mine = parts();
        List<BigInteger> theirs = other.parts();
        int common = Math.min(mine.size(), theirs.size());
        for (int i = 0; i < common; i++) {
            int c = mine.get(i).compareTo(theirs.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(mine.size(), theirs.size());
    }

    @Override
    public boolean equals(Object o) {
        // a part fits a long or not by its value, so equal versions are both small or both big
        return o instanceof Version v && Arrays.equals(small, v.small) && Arrays.equals(big, v.big);
    }

    @Override
    public int hashCode() {
        return small != null ? Arrays.hashCode(small) : Arrays.hashCode(big);
    }

    /** The version as written, with dots between parts. */
    @Override
    public String toString() {
        return text;
    }
}
