package dev.keelson.migrate.internal.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code -- keelson:lint-ignore RULE reason} comment ({@code #} on MySQL, {@code //} in MongoDB's JSON files). It
 * silences {@code RULE} for the statement it stands in or the next statement after it; file-level findings (line 1)
 * are silenced by such a comment anywhere in the file.
 *
 * @param line   its 1-based line
 * @param rule   the rule id it names
 * @param reason why, as written; empty when missing (which is itself a finding)
 */
public record Suppression(int line, String rule, String reason) {
    private static final Pattern COMMENT =
            Pattern.compile("(?:--|#|//)\\s*keelson:lint-ignore\\b[ \\t]*(\\S*)[ \\t]*(.*)");

    /** Every suppression comment in {@code content}. */
    public static List<Suppression> in(String content) {
        List<Suppression> found = new ArrayList<>();
        if (!content.contains("keelson:lint-ignore")) {
            return found;
        }
        String[] lines = content.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = COMMENT.matcher(lines[i]);
            if (m.find()) {
                found.add(new Suppression(i + 1, m.group(1), m.group(2).strip()));
            }
        }
        return found;
    }
}
