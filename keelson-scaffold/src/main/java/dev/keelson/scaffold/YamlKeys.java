package dev.keelson.scaffold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes a key, with everything under it, from a YAML file's text, keeping the rest of the file byte for byte
 * (comments, order, quoting). Comment lines right above the key go with it, and so does a parent left without
 * children. Only block mappings are walked (keys under list items are not addressable), which is all the
 * configuration, compose and workflow files need.
 */
final class YamlKeys {
    private static final Pattern KEY = Pattern.compile("^(\\s*)([^\\s#:-][^:#]*?|\"[^\"]*\"|'[^']*'):(?:\\s.*|)$");

    private YamlKeys() {}

    /**
     * {@code text} without the key at {@code path} ({@code spring.data.redis} is {@code redis} under {@code data}
     * under {@code spring}).
     *
     * @throws ScaffoldException {@link ErrorCode#TEMPLATE_BROKEN} when there is no such key
     */
    static String remove(String text, String file, String path) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        List<String> keys = List.of(path.split("\\."));
        int at = find(lines, keys);
        if (at < 0) {
            throw new ScaffoldException(
                    ErrorCode.TEMPLATE_BROKEN,
                    file + " has no key " + path + " (named in keelson-scaffold's features.txt)");
        }
        removeBlock(lines, at);
        return String.join("\n", lines);
    }

    /** The line index of the key at {@code keys}, or -1. */
    private static int find(List<String> lines, List<String> keys) {
        List<String> stack = new ArrayList<>();
        List<Integer> indents = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (ignorable(line)) {
                continue;
            }
            int indent = indent(line);
            while (!indents.isEmpty() && indents.getLast() >= indent) {
                indents.removeLast();
                stack.removeLast();
            }
            Matcher key = KEY.matcher(line);
            if (!key.matches()) {
                continue; // a list item or a scalar continuation
            }
            stack.add(unquote(key.group(2).strip()));
            indents.add(indent);
            if (stack.equals(keys)) {
                return i;
            }
        }
        return -1;
    }

    /** Removes the key at {@code at}, its children, its comments, and then its parent if that is left empty. */
    private static void removeBlock(List<String> lines, int at) {
        int indent = indent(lines.get(at));
        int end = at + 1;
        int lastContent = at;
        while (end < lines.size() && (lines.get(end).isBlank() || indent(lines.get(end)) > indent)) {
            if (!lines.get(end).isBlank()) {
                lastContent = end;
            }
            end++;
        }
        int start = at;
        while (start > 0 && isComment(lines.get(start - 1)) && indent(lines.get(start - 1)) == indent) {
            start--;
        }
        lines.subList(start, lastContent + 1).clear();
        int parent = parentOf(lines, start, indent);
        if (parent >= 0 && !hasChildren(lines, parent)) {
            removeBlock(lines, parent);
        }
    }

    /** The index of the mapping key that owned a child at {@code indent} which stood at {@code index}, or -1. */
    private static int parentOf(List<String> lines, int index, int indent) {
        for (int i = index - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (!ignorable(line) && indent(line) < indent) {
                return KEY.matcher(line).matches() ? i : -1;
            }
        }
        return -1;
    }

    private static boolean hasChildren(List<String> lines, int key) {
        String keyLine = lines.get(key);
        Matcher m = KEY.matcher(keyLine);
        boolean inlineValue = m.matches()
                && !keyLine.substring(keyLine.indexOf(':') + 1).strip().isEmpty()
                && !keyLine.substring(keyLine.indexOf(':') + 1).strip().startsWith("#");
        if (inlineValue) {
            return true;
        }
        for (int i = key + 1; i < lines.size(); i++) {
            if (!ignorable(lines.get(i))) {
                return indent(lines.get(i)) > indent(keyLine);
            }
        }
        return false;
    }

    private static boolean ignorable(String line) {
        return line.isBlank() || isComment(line);
    }

    private static boolean isComment(String line) {
        return line.stripLeading().startsWith("#");
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String unquote(String key) {
        boolean quoted = key.length() >= 2
                && (key.startsWith("\"") && key.endsWith("\"") || key.startsWith("'") && key.endsWith("'"));
        return quoted ? key.substring(1, key.length() - 1) : key;
    }
}
