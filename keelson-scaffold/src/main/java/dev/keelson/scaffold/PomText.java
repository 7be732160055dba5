package dev.keelson.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pom's text, read as our poms are written: one element per line, {@code <dependency>} and {@code <plugin>}
 * blocks on lines of their own. Working on the text rather than a DOM keeps the reference service's comments and
 * layout in the generated pom.
 */
record PomText(String text) {
    private static final Pattern PROPERTY = Pattern.compile("^\\s*<([\\w.-]+)>([^<]*)</\\1>\\s*(<!--.*-->)?\\s*$");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([\\w.-]+)}");

    /** One {@code <dependency>} or {@code <plugin>} block, with the comment lines right above it. */
    record Block(String text) {
        /** The text of a direct child such as {@code groupId}, if present. */
        Optional<String> child(String tag) {
            Matcher m = Pattern.compile("<" + tag + ">([^<]*)</" + tag + ">").matcher(text);
            return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
        }

        String coordinates() {
            return child("groupId").orElse("org.apache.maven.plugins") + ":"
                    + child("artifactId").orElseThrow();
        }

        /** The {@code ${name}} properties the block refers to. */
        List<String> properties() {
            return REFERENCE.matcher(text).results().map(r -> r.group(1)).toList();
        }
    }

    /** A {@code <name>value</name>} line of {@code <properties>}, with its trailing comment if any. */
    record Property(String name, String value, String comment) {}

    /** The text inside the first {@code <tag>} … {@code </tag>} at or after {@code from}; empty when absent. */
    Optional<String> section(String tag) {
        int start = text.indexOf("<" + tag + ">");
        if (start < 0) {
            return Optional.empty();
        }
        int end = text.indexOf("</" + tag + ">", start);
        return Optional.of(text.substring(start + tag.length() + 2, end));
    }

    /** The {@code <tag>} blocks in {@code section}, each with the comment lines directly above it. */
    static List<Block> blocks(String section, String tag) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = section.split("\n");
        int comments = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("<!--") && comments < 0) {
                comments = i;
            } else if (line.equals("<" + tag + ">")) {
                int start = comments >= 0 ? comments : i;
                int end = i;
                while (!lines[end].strip().equals("</" + tag + ">")) {
                    end++;
                }
                blocks.add(new Block(String.join("\n", List.of(lines).subList(start, end + 1))));
                i = end;
                comments = -1;
            } else if (!line.startsWith("<!--") && !line.endsWith("-->")) {
                comments = -1;
            }
        }
        return blocks;
    }

    /** The {@code <properties>} of the pom. */
    List<Property> properties() {
        List<Property> properties = new ArrayList<>();
        for (String line : section("properties").orElse("").split("\n")) {
            Matcher m = PROPERTY.matcher(line);
            if (m.matches()) {
                properties.add(new Property(m.group(1), m.group(2), m.group(3)));
            }
        }
        return properties;
    }
}
