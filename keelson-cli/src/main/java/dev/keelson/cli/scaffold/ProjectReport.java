package dev.keelson.cli.scaffold;

import dev.keelson.scaffold.Feature;
import dev.keelson.scaffold.GeneratedProject;
import dev.keelson.scaffold.ProjectSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What {@code keelson new} prints: the plan of a dry run, or the project it made and how to go on. */
final class ProjectReport {
    private ProjectReport() {}

    static void dryRun(PrintWriter out, ProjectSpec spec, List<String> files) {
        out.println("Would create " + spec.directory() + " with " + files.size() + " files"
                + (spec.gitCommit() ? " and a git repository with a first commit:" : ":"));
        features(out, spec.features());
        files.forEach(f -> out.println("  " + f));
        out.println("Nothing was written (--dry-run).");
    }

    static void created(PrintWriter out, ProjectSpec spec, GeneratedProject project, Path workingDir) {
        out.println("Created " + project.directory() + " (" + project.files().size() + " files"
                + (project.committed() ? ", first commit " + project.commitId().substring(0, 7) : "") + ")");
        features(out, spec.features());
        if (project.gitNote() != null) {
            out.println("Note: " + project.gitNote());
        }
        out.println("Next:");
        out.println("  cd " + cdTarget(project.directory(), workingDir));
        out.println("  ./mvnw spring-boot:run    # starts it on an embedded PostgreSQL, on port 8080");
        out.println("  ./mvnw verify             # its tests (PostgreSQL at 127.0.0.1:5432, else an embedded one)");
        out.println("README.md says what it has and how to configure it.");
    }

    /**
     * The folder to type after {@code cd}: relative to where the command ran when the project is below it,
     * otherwise absolute; quoted for the shell when it holds anything but plain path characters.
     */
    static String cdTarget(Path project, Path workingDir) {
        Path absolute = project.toAbsolutePath().normalize();
        Path here = workingDir.toAbsolutePath().normalize();
        String path = absolute.startsWith(here) && !absolute.equals(here)
                ? here.relativize(absolute).toString()
                : absolute.toString();
        return path.matches("[A-Za-z0-9_./+-]+") ? path : "'" + path.replace("'", "'\\''") + "'";
    }

    private static void features(PrintWriter out, Set<Feature> kept) {
        Set<Feature> left = EnumSet.complementOf(kept.isEmpty() ? EnumSet.noneOf(Feature.class) : EnumSet.copyOf(kept));
        out.println("  with:    " + (kept.isEmpty() ? "(no optional features)" : NewCommand.featureList(kept)));
        if (!left.isEmpty()) {
            out.println("  without: " + NewCommand.featureList(left));
        }
    }
}
