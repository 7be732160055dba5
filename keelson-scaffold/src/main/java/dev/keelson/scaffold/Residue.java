package dev.keelson.scaffold;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The last check of a derivation: no file may still hold the manifest's {@code residue} text of a removed feature
 * (its package, its library's package, its configuration key), the text of a {@code residue *} entry (the
 * reference service's own names), or a feature marker. A hit means the reference service gained code that its
 * markers and the manifest do not cover; the error names the file and what to mark.
 */
record Residue(Manifest manifest, Set<Feature> kept) {
    private static final Pattern MARKER = Pattern.compile("keelson:(?:(?:begin|end)\\s+!?)?("
            + Set.of(Feature.values()).stream().map(Feature::id).collect(Collectors.joining("|")) + ")\\b");

    void check(List<ProjectFile> files) {
        List<Manifest.Residue> forbidden = manifest.all(Manifest.Residue.class).stream()
                .filter(r -> r.condition().always() || !r.condition().holds(kept))
                .toList();
        for (ProjectFile file : files) {
            if (file.path().startsWith(StandalonePom.LOCAL_REPOSITORY)
                    || file.path().startsWith("mvnw")) {
                continue;
            }
            String text = file.text();
            for (Manifest.Residue residue : forbidden) {
                if (text.contains(residue.text())) {
                    throw leftover(
                            file,
                            residue.text(),
                            residue.text(),
                            "features.txt:" + residue.line() + " says it must be gone");
                }
            }
            if (MARKER.matcher(text).find()) {
                throw leftover(file, "keelson:", "a keelson: feature marker", "the marker's syntax is broken there");
            }
        }
    }

    private static ScaffoldException leftover(ProjectFile file, String needle, String what, String why) {
        int line = 1
                + (int) file.text().lines().takeWhile(l -> !l.contains(needle)).count();
        return new ScaffoldException(
                ScaffoldErrorCode.TEMPLATE_BROKEN,
                file.path() + ":" + line + " still holds " + what + " (" + why
                        + "); mark that line in reference-service with its feature (see docs/scaffold.md)");
    }
}
