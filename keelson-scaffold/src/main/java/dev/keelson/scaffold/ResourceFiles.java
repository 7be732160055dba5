package dev.keelson.scaffold;

import java.util.ArrayList;
import java.util.List;

/** Every file an added resource creates or changes, derived from its {@link ResourceSpec}. */
final class ResourceFiles {
    private final ResourceSpec spec;
    private final String command;

    ResourceFiles(ResourceSpec spec, String command) {
        this.spec = spec;
        this.command = command;
    }

    List<ProjectFile> files() {
        List<ProjectFile> files = new ArrayList<>();
        MigrationSql sql = new MigrationSql(spec);
        files.add(ProjectFile.text(sql.versionedPath(), sql.versioned(command)));
        files.add(ProjectFile.text(sql.undoPath(), sql.undo()));
        return files;
    }

    /** The existing files among {@link #files()}. */
    List<String> changed() {
        return List.of();
    }
}
