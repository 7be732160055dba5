package dev.keelson.scaffold;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line markers of the reference service's files, in whatever comment syntax the file has ({@code //},
 * {@code #}, {@code --}, {@code <!-- -->}):
 *
 * <ul>
 *   <li>{@code code // keelson:auth} at the end of a line: the line belongs to {@code auth};
 *   <li>{@code // keelson:begin auth} … {@code // keelson:end auth}, each on a line of its own: the lines between
 *       belong to {@code auth} (blocks nest);
 *   <li>{@code <!-- keelson:begin !auth -->} … {@code <!-- keelson:end !auth -->}: lines for projects
 *       <em>without</em> {@code auth}. Only keelson-scaffold's own templates (the project README) use these: in the
 *       reference service every feature is on, so such lines would be live there.
 * </ul>
 *
 * <p>A feature that is kept keeps its lines, without the markers; a feature that is not loses them. Markers only
 * ever remove lines, so the reference service's code is shaped for it: what belongs to a feature stands on lines
 * of its own. {@code keelson:} comments that name no feature (keelson-migrate's {@code -- keelson:no-transaction})
 * are left alone.
 *
 * <p>In a Java file, an argument or parameter list that was split over lines only so that a feature's part could
 * stand on a line of its own is joined again once that part is gone: when lines were removed right after a line that
 * ends with {@code (}, the next line is put back after it, if the result fits in {@value #JOINED_WIDTH} characters.
 */
final class LineMarkers {
    /** The longest line a join may make. */
    static final int JOINED_WIDTH = 120;

    private static final String OPEN = "(?://|#|--|<!--)";
    private static final String CLOSE = "\\s*(?:-->)?\\s*$";
    private static final Pattern BLOCK =
            Pattern.compile("^\\s*" + OPEN + "\\s*keelson:(begin|end)\\s+(!?)(\\S+)" + CLOSE);
    private static final Pattern LINE = Pattern.compile("^(.*?)\\s*" + OPEN + "\\s*keelson:([a-z]+)" + CLOSE);

    private LineMarkers() {}

    /**
     * The marker comments in {@code text} that name a feature: each marked line, and each {@code begin} and {@code end}
     * line (other tools' {@code keelson:} comments do not count).
     */
    static int count(String text) {
        int count = 0;
        for (String line : text.split("\n", -1)) {
            Matcher block = BLOCK.matcher(line);
            Matcher marked = LINE.matcher(line);
            if ((block.matches() && Feature.byId(block.group(3)).isPresent())
                    || (marked.matches() && Feature.byId(marked.group(2)).isPresent())) {
                count++;
            }
        }
        return count;
    }

    /** True when {@code text} may hold markers (a cheap test before {@link #apply}). */
    static boolean present(String text) {
        return text.contains("keelson:");
    }

    /**
     * {@code text} with the lines of features not in {@code kept} removed and every marker taken out.
     *
     * @throws ScaffoldException {@link ScaffoldErrorCode#TEMPLATE_BROKEN} for an unknown feature, or a block that does not
     *                           close or closes another feature's block
     */
    static String apply(String text, String path, Set<Feature> kept) {
        StringBuilder out = new StringBuilder(text.length());
        Deque<Open> open = new ArrayDeque<>();
        String[] lines = text.split("\n", -1);
        boolean java = path.endsWith(".java");
        boolean removed = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher block = BLOCK.matcher(line);
            if (block.matches()) {
                blockMarker(block, open, path, i + 1);
                continue;
            }
            boolean inRemovedBlock = open.stream().anyMatch(o -> o.negated() == kept.contains(o.feature()));
            Optional<String> shown = lineMarker(line, kept);
            if (inRemovedBlock || shown.isEmpty()) {
                removed = true;
                continue;
            }
            if (!(java && removed && joinAfterOpeningParenthesis(out, shown.get()))) {
                out.append(shown.get());
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
            removed = false;
        }
        if (!open.isEmpty()) {
            Open first = open.getLast();
            throw broken(path, first.line(), "keelson:begin " + first.name() + " is never closed");
        }
        return out.toString();
    }

    /**
     * Puts {@code line} right after the last line of {@code out} when that one ends with {@code (} and the two fit
     * in {@link #JOINED_WIDTH} characters; false (and nothing done) otherwise. {@code out} ends with that line's
     * newline.
     */
    private static boolean joinAfterOpeningParenthesis(StringBuilder out, String line) {
        int end = out.length() - 1;
        if (end < 1 || out.charAt(end) != '\n' || out.charAt(end - 1) != '(') {
            return false;
        }
        int start = out.lastIndexOf("\n", end - 1) + 1;
        String joined = out.substring(start, end) + line.strip();
        if (joined.length() > JOINED_WIDTH || line.strip().startsWith("//")) {
            return false;
        }
        out.setLength(start);
        out.append(joined);
        return true;
    }

    /** The line without its marker, or empty when it belongs to a feature that is not kept. */
    private static Optional<String> lineMarker(String line, Set<Feature> kept) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.of(line);
        }
        Optional<Feature> feature = Feature.byId(m.group(2));
        if (feature.isEmpty()) {
            return Optional.of(line); // another tool's comment, such as keelson:no-transaction
        }
        return kept.contains(feature.get()) ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static void blockMarker(Matcher block, Deque<Open> open, String path, int line) {
        Feature feature = Feature.byId(block.group(3))
                .orElseThrow(() -> broken(
                        path, line, "keelson:" + block.group(1) + " names no feature: '" + block.group(3) + "'"));
        Open marker = new Open(feature, !block.group(2).isEmpty(), line);
        if (block.group(1).equals("begin")) {
            open.push(marker);
            return;
        }
        if (open.isEmpty() || open.peek().feature() != feature || open.peek().negated() != marker.negated()) {
            throw broken(path, line, "keelson:end " + marker.name() + " closes no keelson:begin " + marker.name());
        }
        open.pop();
    }

    private static ScaffoldException broken(String path, int line, String message) {
        return new ScaffoldException(ScaffoldErrorCode.TEMPLATE_BROKEN, path + ":" + line + ": " + message);
    }

    private record Open(Feature feature, boolean negated, int line) {
        String name() {
            return (negated ? "!" : "") + feature.id();
        }
    }
}
