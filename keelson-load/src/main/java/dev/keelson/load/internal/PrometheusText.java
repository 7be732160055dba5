package dev.keelson.load.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Prometheus' text exposition format (0.0.4, and OpenMetrics text where it agrees): {@code # TYPE} lines and
 * samples {@code name{label="value",...} value [timestamp]}. The input is the target's and untrusted: a line that
 * does not parse is counted and passed over, nothing is thrown, and no more than {@link #MAX_SAMPLES} samples are
 * kept.
 */
public final class PrometheusText {
    /** Samples kept from one body; a Spring Boot service exposes a few hundred. */
    static final int MAX_SAMPLES = 100_000;

    private PrometheusText() {}

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {}

    /**
     * A parsed body.
     *
     * @param types    family name to its {@code # TYPE} ({@code counter}, {@code gauge}, {@code histogram},
     *                 {@code summary}, {@code untyped}...)
     * @param samples  in the body's order
     * @param badLines lines that were neither comments nor samples
     */
    public record Exposition(Map<String, String> types, List<Sample> samples, int badLines) {}

    /** Parses {@code text}; never throws. */
    public static Exposition parse(String text) {
        Map<String, String> types = new HashMap<>();
        List<Sample> samples = new ArrayList<>();
        int bad = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) end = text.length();
            String line = text.substring(start, end).strip();
            start = end + 1;
            if (line.isEmpty()) continue;
            if (line.charAt(0) == '#') {
                type(line, types);
            } else if (samples.size() < MAX_SAMPLES) {
                Sample sample = new Cursor(line).sample();
                if (sample == null) bad++;
                else samples.add(sample);
            }
        }
        return new Exposition(types, samples, bad);
    }

    private static void type(String line, Map<String, String> types) {
        String[] words = line.split("\\s+", 5);
        if (words.length >= 4 && words[1].equals("TYPE") && isName(words[2])) types.put(words[2], words[3]);
    }

    static boolean isName(String name) {
        if (name.isEmpty()) return false;
        for (int i = 0; i < name.length(); i++) {
            if (!isNameChar(name.charAt(i), i == 0)) return false;
        }
        return true;
    }

    private static boolean isNameChar(char c, boolean first) {
        return c == '_'
                || c == ':'
                || (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (!first && c >= '0' && c <= '9');
    }

    /** Parses {@code {a="1",b="2"}} (the braces included), as in a sample or a {@code --metric} selector. */
    static Map<String, String> labels(String text) {
        Cursor cursor = new Cursor(text);
        Map<String, String> labels = cursor.labels();
        return labels != null && cursor.atEnd() ? labels : null;
    }

    /** Reads one line left to right; each method returns null where the line breaks the grammar. */
    private static final class Cursor {
        private final String line;
        private int at;

        Cursor(String line) {
            this.line = line;
        }

        boolean atEnd() {
            return at == line.length();
        }

        Sample sample() {
            String name = name();
            if (name == null) return null;
            Map<String, String> labels = Map.of();
            if (at < line.length() && line.charAt(at) == '{') {
                labels = labels();
                if (labels == null) return null;
            }
            if (at >= line.length() || !Character.isWhitespace(line.charAt(at))) return null;
            String[] rest = line.substring(at).strip().split("\\s+");
            if (rest.length > 2) return null;
            double value = value(rest[0]);
            if (Double.isNaN(value) && !rest[0].equals("NaN")) return null;
            return new Sample(name, labels, value);
        }

        private String name() {
            int begin = at;
            while (at < line.length() && isNameChar(line.charAt(at), at == begin)) at++;
            return at == begin ? null : line.substring(begin, at);
        }

        Map<String, String> labels() {
            Map<String, String> labels = new LinkedHashMap<>();
            at++; // '{'
            while (true) {
                spaces();
                if (at >= line.length()) return null;
                if (line.charAt(at) == '}') {
                    at++;
                    return labels;
                }
                String name = name();
                spaces();
                if (name == null || !take('=')) return null;
                spaces();
                String value = quoted();
                if (value == null) return null;
                labels.put(name, value);
                spaces();
                if (!take(',') && (at >= line.length() || line.charAt(at) != '}')) return null;
            }
        }

        private String quoted() {
            if (!take('"')) return null;
            StringBuilder value = new StringBuilder();
            while (at < line.length()) {
                char c = line.charAt(at++);
                if (c == '"') return value.toString();
                if (c != '\\') {
                    value.append(c);
                } else if (at < line.length()) {
                    char escaped = line.charAt(at++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                }
            }
            return null;
        }

        private boolean take(char c) {
            if (at < line.length() && line.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void spaces() {
            while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) at++;
        }
    }

    /** A Go-style float: digits, sign, point and exponent, or NaN, +Inf, -Inf; NaN for anything else. */
    static double value(String token) {
        switch (token) {
            case "NaN":
                return Double.NaN;
            case "+Inf", "Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (token.isEmpty() || token.length() > 64) return Double.NaN;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
