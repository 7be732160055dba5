package dev.keelson.scaffold;

import java.util.ArrayList;
import java.util.List;

/**
 * Every file an added resource creates, derived from its {@link ResourceSpec}: the migration pair, the resource's
 * package, its integration test, its GraphQL schema and controller when the project has GraphQL, and its steps in the
 * project's load scenario ({@code load/scenario.yaml}). Routes need no
 * registration: rate limits, idempotency keys, metrics and the access log see every {@code /api} route, named by its
 * pattern.
 */
final class ResourceFiles {
    private final ResourceSpec spec;
    private final String command;

    ResourceFiles(ResourceSpec spec, String command) {
        this.spec = spec;
        this.command = command;
    }

    List<ProjectFile> files() {
        List<ProjectFile> files = new ArrayList<>();
        LoadScenario.withResource(spec).ifPresent(files::add);
        MigrationSql sql = new MigrationSql(spec);
        files.add(ProjectFile.text(sql.versionedPath(), sql.versioned(command)));
        files.add(ProjectFile.text(sql.undoPath(), sql.undo()));
        files.addAll(new ResourceCode(spec).files());
        files.add(new ResourceTestCode(spec).file());
        if (spec.has(Feature.GRAPHQL)) {
            files.addAll(new GraphQlCode(spec).files());
        }
        return files;
    }

    /** The existing files among {@link #files()}: the load scenario, which gets the resource's steps. */
    List<String> changed() {
        return LoadScenario.withResource(spec).isPresent() ? List.of(LoadScenario.PATH) : List.of();
    }
}
