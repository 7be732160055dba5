package dev.keelson.scaffold;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How the reference service's names become the generated project's: its package, application class, artifact id,
 * configuration prefix ({@code reference.*} and {@code REFERENCE_*} become {@code app.*} and {@code APP_*}, so a
 * project's settings read the same whatever its name) and problem type URIs.
 */
record Names(String name, String packageName, String groupId) {
    static final String REFERENCE_PACKAGE = "dev.keelson.reference";

    /** {@code my-api} → {@code MyApi}. */
    String className() {
        return Arrays.stream(name.split("-"))
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
    }

    /** The problem documents' {@code type} prefix: {@code com.acme} → {@code https://acme.com/problems/}. */
    String problemTypeBase() {
        List<String> parts = new ArrayList<>(List.of(groupId.split("\\.")));
        if (parts.size() < 2) {
            return "https://example.com/" + groupId + "/problems/";
        }
        Collections.reverse(parts);
        return "https://" + String.join(".", parts) + "/problems/";
    }

    /** A template path as it is in the project: the package folders and the application class renamed. */
    String path(String templatePath) {
        return templatePath
                .replace(REFERENCE_PACKAGE.replace('.', '/') + "/", packageName.replace('.', '/') + "/")
                .replace("ReferenceApplication", className() + "Application");
    }

    /** A template file's text with every reference-service name replaced. */
    String text(String content) {
        String out = content;
        for (Replacement r : replacements()) {
            out = r.apply(out);
        }
        return out;
    }

    private List<Replacement> replacements() {
        return List.of(
                new Replacement("\\bdev\\.keelson\\.reference\\b", packageName),
                new Replacement("\\bdev/keelson/reference\\b", packageName.replace('.', '/')),
                new Replacement("\\bReferenceApplication\\b", className() + "Application"),
                new Replacement("\\breference-service\\b", name),
                new Replacement("\\bReference service\\b", name),
                new Replacement("\\bthe reference service\\b", "this service"),
                // configuration keys: reference.auth.jwks, ${reference.http...}, --reference.jobs.x=1 (an argument);
                // not "the reference service." nor a longer name ending in it (my-reference.x)
                new Replacement("(?<![\\w.])(?<![\\w.]-)reference\\.(?=[a-z])", "app."),
                new Replacement("(?m)^reference:", "app:"),
                new Replacement("\\bREFERENCE_(?=[A-Z])", "APP_"),
                new Replacement("https://keelson\\.dev/problems/", problemTypeBase()),
                new Replacement("\\bKEELSON_TEST_PG_", "TEST_PG_"));
    }

    /** One regular-expression replacement with a literal replacement text. */
    private record Replacement(Pattern pattern, String with) {
        Replacement(String regex, String with) {
            this(Pattern.compile(regex), with);
        }

        String apply(String text) {
            return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(with));
        }
    }
}
