package dev.keelson.migrate.internal.resolve;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import dev.keelson.migrate.Version;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every migration script of the configured locations, checked for clashes: two versioned (or two undo) files
 * with one version, two repeatable files with one description, or an undo file without its versioned file.
 *
 * @param versioned   versioned scripts by version, ascending
 * @param undo        undo scripts by version
 * @param repeatable  repeatable scripts by description, ascending
 * @param callbacks   callback files ({@link CallbackEvent}), by event then description
 */
public record ScriptCatalog(
        TreeMap<Version, MigrationScript> versioned,
        Map<Version, MigrationScript> undo,
        TreeMap<String, MigrationScript> repeatable,
        List<CallbackScript> callbacks) {

    /**
     * Reads the locations with the given class loader.
     *
     * @throws MigrationException for an unreadable location, a bad file name, or a clash
     */
    public static ScriptCatalog load(List<String> locations, ClassLoader classLoader) {
        LocationReader reader = new LocationReader(classLoader);
        List<MigrationScript> all = new ArrayList<>();
        for (String location : locations) {
            all.addAll(reader.read(Location.parse(location)));
        }
        ScriptCatalog catalog = of(all);
        List<CallbackScript> callbacks = new ArrayList<>(reader.callbacks());
        callbacks.sort(
                java.util.Comparator.comparing(CallbackScript::event).thenComparing(CallbackScript::description));
        return new ScriptCatalog(catalog.versioned(), catalog.undo(), catalog.repeatable(), List.copyOf(callbacks));
    }

    /** The callbacks of {@code event}, in the order they run. */
    public List<CallbackScript> callbacks(CallbackEvent event) {
        return callbacks.stream().filter(c -> c.event() == event).toList();
    }

    /** Builds a catalog from scripts already read. */
    public static ScriptCatalog of(Collection<MigrationScript> scripts) {
        TreeMap<Version, MigrationScript> versioned = new TreeMap<>();
        Map<Version, MigrationScript> undo = new HashMap<>();
        TreeMap<String, MigrationScript> repeatable = new TreeMap<>();
        for (MigrationScript s : scripts) {
            switch (s.type()) {
                case VERSIONED -> putUnique(versioned, s.version(), s, "version " + s.version());
                case UNDO -> putUnique(undo, s.version(), s, "undo version " + s.version());
                case REPEATABLE ->
                    putUnique(repeatable, s.description(), s, "repeatable description '" + s.description() + "'");
                case BASELINE -> throw new IllegalStateException("no file is a baseline");
            }
        }
        for (MigrationScript u : undo.values()) {
            if (!versioned.containsKey(u.version())) {
                throw new MigrationException(
                        MigrationErrorCode.INVALID_FILE_NAME,
                        u.fileName() + ": undo file without a versioned file V" + u.version() + "__*.sql to undo ("
                                + u.origin() + "); add the V file or remove the U file");
            }
        }
        return new ScriptCatalog(versioned, undo, repeatable, List.of());
    }

    private static <K> void putUnique(Map<K, MigrationScript> map, K key, MigrationScript s, String what) {
        MigrationScript before = map.putIfAbsent(key, s);
        if (before != null) {
            throw new MigrationException(
                    MigrationErrorCode.DUPLICATE_VERSION,
                    "Two files have " + what + ": " + before.origin() + " and " + s.origin()
                            + "; rename or remove one of them");
        }
    }

    public Optional<MigrationScript> undoOf(Version version) {
        return Optional.ofNullable(undo.get(version));
    }

    /** The highest versioned file's version, if any. */
    public Optional<Version> highestVersion() {
        return versioned.isEmpty() ? Optional.empty() : Optional.of(versioned.lastKey());
    }
}
