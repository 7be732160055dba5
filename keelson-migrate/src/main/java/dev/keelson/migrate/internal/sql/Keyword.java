package dev.keelson.migrate.internal.sql;

/** Case-insensitive keyword tests on a word of the script, without copying it. */
public final class Keyword {
    private Keyword() {}

    /** True when {@code src[start, end)} is {@code keyword}, ignoring case. */
    public static boolean is(String src, int start, int end, String keyword) {
        return end - start == keyword.length() && src.regionMatches(true, start, keyword, 0, keyword.length());
    }

    /** True when {@code src[start, end)} is one of {@code keywords}, ignoring case. */
    public static boolean isAny(String src, int start, int end, String... keywords) {
        for (String keyword : keywords) {
            if (is(src, start, end, keyword)) {
                return true;
            }
        }
        return false;
    }
}
