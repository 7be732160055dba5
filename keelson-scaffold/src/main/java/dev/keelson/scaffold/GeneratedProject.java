package dev.keelson.scaffold;

import java.nio.file.Path;
import java.util.List;

/**
 * A project that {@link Scaffold#generate()} wrote.
 *
 * @param directory where it is
 * @param files     every file written, relative to {@code directory}, with {@code /} separators, sorted
 * @param commitId  the id of the first git commit, or {@code null} when no repository was made
 * @param gitNote   why there is no commit ({@code null} when there is one)
 */
public record GeneratedProject(Path directory, List<String> files, String commitId, String gitNote) {
    public GeneratedProject {
        files = List.copyOf(files);
    }

    /** True when the project is a git repository with its first commit. */
    public boolean committed() {
        return commitId != null;
    }
}
