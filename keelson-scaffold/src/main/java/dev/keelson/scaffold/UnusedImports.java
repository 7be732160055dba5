package dev.keelson.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drops the imports a Java file no longer uses once a feature's lines are gone (the JWT type of a removed parameter,
 * the class of a removed package), so markers never have to mark imports. An import counts as used when its simple
 * name appears anywhere else in the file, comments included: when in doubt it stays, and the compiler has the last
 * word in the generated-project tests.
 */
final class UnusedImports {
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;\\s*$");

    private UnusedImports() {}

    static String remove(String source) {
        String[] lines = source.split("\n", -1);
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            if (!IMPORT.matcher(line).matches()) {
                body.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            Matcher m = IMPORT.matcher(line);
            if (m.matches() && m.group(2) == null && !used(simpleName(m.group(1)), body)) {
                continue;
            }
            boolean doubleBlank =
                    line.isBlank() && !out.isEmpty() && out.getLast().isBlank();
            if (!doubleBlank || !inHeader(out)) {
                out.add(line);
            }
        }
        return String.join("\n", out);
    }

    private static String simpleName(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    private static boolean used(String name, CharSequence body) {
        return Pattern.compile("\\b" + Pattern.quote(name) + "\\b")
                .matcher(body)
                .find();
    }

    /** True while only the package line, imports and blank lines were written. */
    private static boolean inHeader(List<String> written) {
        return written.stream().allMatch(l -> l.isBlank() || l.startsWith("package ") || l.startsWith("import "));
    }
}
