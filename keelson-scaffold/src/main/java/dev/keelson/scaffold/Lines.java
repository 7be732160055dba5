package dev.keelson.scaffold;

import java.util.ArrayList;
import java.util.List;

/** Keeps generated Java lines within {@link #WIDTH} columns, where a list of columns or arguments would not be. */
final class Lines {
    static final int WIDTH = 120;

    private Lines() {}

    /**
     * {@code items} joined by {@code ", "}: on one line when it fits after {@code column} characters, otherwise one item
     * a line, each after a line break and {@code indent}.
     */
    static String args(List<String> items, int column, String indent) {
        String one = String.join(", ", items);
        return column + one.length() < WIDTH ? one : "\n" + indent + String.join(",\n" + indent, items);
    }

    /**
     * A Java string literal of {@code items} joined by {@code ", "}, split into {@code "..." + "..."} pieces on lines
     * of {@code indent} when it would pass {@link #WIDTH} after {@code column} characters.
     */
    static String literal(List<String> items, int column, String indent) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int room = WIDTH - column - 4;
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i) + (i < items.size() - 1 ? ", " : "");
            if (piece.length() + item.length() > room && !piece.isEmpty()) {
                pieces.add(piece.toString());
                piece.setLength(0);
                room = WIDTH - indent.length() - 6;
            }
            piece.append(item);
        }
        pieces.add(piece.toString());
        return "\"" + String.join("\"\n" + indent + "+ \"", pieces) + "\"";
    }

    /**
     * {@code text} as a Java string literal, split at spaces into {@code "..." + "..."} pieces, each continued on a
     * line of {@code indent}, so no line passes {@link #WIDTH} when the literal starts at {@code column}.
     */
    static String text(String text, int column, String indent) {
        List<String> pieces = new ArrayList<>();
        int room = WIDTH - column - 3;
        int start = 0;
        while (text.length() - start > room) {
            int cut = text.lastIndexOf(' ', start + room - 1);
            if (cut <= start) {
                break;
            }
            pieces.add(text.substring(start, cut + 1));
            start = cut + 1;
            room = WIDTH - indent.length() - 6;
        }
        pieces.add(text.substring(start));
        return "\"" + String.join("\"\n" + indent + "+ \"", pieces) + "\"";
    }

    /** {@code text} as the lines of a comment block: {@code indent + " * "} before each, words kept whole. */
    static String comment(String text, String indent) {
        int room = WIDTH - indent.length() - 3;
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() + word.length() + 1 > room && !line.isEmpty()) {
                out.append(indent).append(" * ").append(line).append('\n');
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        return out.append(indent).append(" * ").append(line).append('\n').toString();
    }
}
