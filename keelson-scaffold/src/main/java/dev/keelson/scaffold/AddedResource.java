package dev.keelson.scaffold;

import java.nio.file.Path;
import java.util.List;

/**
 * A resource that {@link AddResource#write()} added.
 *
 * @param directory the project folder
 * @param name      the resource's singular name
 * @param path      its URL path ({@code /api/v1/products})
 * @param created   the files it created, relative to {@code directory}
 * @param changed   the existing files it changed
 */
public record AddedResource(Path directory, String name, String path, List<String> created, List<String> changed) {
    public AddedResource {
        created = List.copyOf(created);
        changed = List.copyOf(changed);
    }
}
