package dev.keelson.migrate.internal.resolve;

import dev.keelson.migrate.MigrationErrorCode;
import dev.keelson.migrate.MigrationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads every migration file of a {@link Location}. Folders are searched recursively; files not ending in
 * {@code .sql} (a README, ...) are skipped. Class path locations are found through the class loader's resources
 * and read from {@code file:} folders and {@code jar:} archives, including Spring Boot's nested jars
 * ({@code jar:nested:...!/BOOT-INF/classes/!/db/migration}), whose connections are {@link JarURLConnection}s.
 */
final class LocationReader {
    private final ClassLoader classLoader;
    private final List<CallbackScript> callbacks = new ArrayList<>();

    LocationReader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** The callback files met by the reads so far. */
    List<CallbackScript> callbacks() {
        return List.copyOf(callbacks);
    }

    List<MigrationScript> read(Location location) {
        return switch (location) {
            case Location.Filesystem fs -> readFolder(fs.dir(), fs.dir().toString());
            case Location.Classpath cp -> readClasspath(cp.path());
        };
    }

    private List<MigrationScript> readFolder(Path dir, String shownAs) {
        if (!Files.isDirectory(dir)) {
            throw new MigrationException(
                    MigrationErrorCode.LOCATION_NOT_FOUND,
                    "Migration folder " + shownAs + " does not exist (looked in " + dir.toAbsolutePath()
                            + "); create it or point --dir/location at it");
        }
        List<MigrationScript> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.find(dir, Integer.MAX_VALUE, LocationReader::isFile)) {
            for (Path file : files.sorted().toList()) {
                Optional<ScriptName> name = ScriptName.parse(file.getFileName().toString());
                if (name.isPresent()) {
                    byte[] raw = Files.readAllBytes(file);
                    scripts.add(MigrationScript.of(name.get(), file.toString(), raw, decodeStrictly(raw, file)));
                } else {
                    String fileName = file.getFileName().toString();
                    CallbackEvent.ofFileName(fileName)
                            .ifPresent(event -> callbacks.add(CallbackScript.of(
                                    event, fileName, file.toString(), decodeStrictly(readBytes(file), file))));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new MigrationException(
                    MigrationErrorCode.LOCATION_NOT_FOUND, "Cannot read migration folder " + dir + ": " + e, e);
        }
        return scripts;
    }

    /** A regular file or a link to one; the walk's attributes answer for the usual file, without another stat. */
    private static boolean isFile(Path path, BasicFileAttributes attributes) {
        return attributes.isRegularFile() || attributes.isSymbolicLink() && Files.isRegularFile(path);
    }

    private List<MigrationScript> readClasspath(String path) {
        List<URL> urls;
        try {
            urls = Collections.list(resources(path));
        } catch (IOException e) {
            throw new MigrationException(
                    MigrationErrorCode.LOCATION_NOT_FOUND, "Cannot search the class path for " + path + ": " + e, e);
        }
        if (urls.isEmpty()) {
            throw new MigrationException(
                    MigrationErrorCode.LOCATION_NOT_FOUND,
                    "Location classpath:" + path + " is not on the class path (no folder " + path
                            + " in any class path entry)");
        }
        List<MigrationScript> scripts = new ArrayList<>();
        for (URL url : urls) {
            scripts.addAll(readUrl(path, url));
        }
        return scripts;
    }

    private Enumeration<URL> resources(String path) throws IOException {
        return classLoader.getResources(path);
    }

    private List<MigrationScript> readUrl(String path, URL url) {
        return switch (url.getProtocol()) {
            case "file" -> readFolder(toPath(url), "classpath:" + path + " (" + url + ")");
            case "jar" -> readJar(path, url);
            default ->
                throw new MigrationException(
                        MigrationErrorCode.LOCATION_NOT_FOUND,
                        "Location classpath:" + path
                                + " resolves to " + url + ", whose scheme '" + url.getProtocol()
                                + "' Keelson cannot list; package the migrations in a folder or a jar, or use filesystem:PATH");
        };
    }

    private static Path toPath(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new MigrationException(MigrationErrorCode.LOCATION_NOT_FOUND, "Cannot read " + url + ": " + e, e);
        }
    }

    private List<MigrationScript> readJar(String path, URL url) {
        try {
            URLConnection connection = url.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                throw new MigrationException(
                        MigrationErrorCode.LOCATION_NOT_FOUND,
                        "Location classpath:" + path + " resolves to " + url + ", which does not open as a jar");
            }
            JarFile file = jar.getJarFile();
            String entryName = jar.getEntryName();
            String prefix = entryName == null || entryName.isEmpty() ? "" : strip(entryName) + "/";
            return readEntries(file, prefix, url);
        } catch (IOException e) {
            throw new MigrationException(MigrationErrorCode.LOCATION_NOT_FOUND, "Cannot read " + url + ": " + e, e);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<MigrationScript> readEntries(JarFile file, String prefix, URL url) throws IOException {
        List<JarEntry> entries = file.stream()
                .filter(e -> !e.isDirectory() && e.getName().startsWith(prefix))
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .toList();
        List<MigrationScript> scripts = new ArrayList<>();
        for (JarEntry entry : entries) {
            String entryName = entry.getName();
            Optional<ScriptName> name = ScriptName.parse(entryName.substring(entryName.lastIndexOf('/') + 1));
            String fileName = entryName.substring(entryName.lastIndexOf('/') + 1);
            Optional<CallbackEvent> callback = CallbackEvent.ofFileName(fileName);
            if (name.isPresent() || callback.isPresent()) {
                try (InputStream in = file.getInputStream(entry)) {
                    byte[] raw = in.readAllBytes();
                    String origin = url + "/" + entryName.substring(prefix.length());
                    String text = new String(raw, StandardCharsets.UTF_8);
                    if (name.isPresent()) {
                        scripts.add(MigrationScript.of(name.get(), origin, raw, text));
                    } else {
                        callbacks.add(CallbackScript.of(callback.get(), fileName, origin, text));
                    }
                }
            }
        }
        return scripts;
    }

    /** UTF-8, failing on malformed input as {@link Files#readString} does, with a message that names the file. */
    private static String decodeStrictly(byte[] raw, Path file) {
        if (isAscii(raw)) {
            return new String(raw, StandardCharsets.US_ASCII); // most files; a decoder and a CharBuffer cost more
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MigrationException(
                    MigrationErrorCode.LOCATION_NOT_FOUND,
                    "Cannot read migration file " + file + ": it is not valid UTF-8 (" + e + "); save it as UTF-8",
                    e);
        }
    }

    private static boolean isAscii(byte[] raw) {
        for (byte b : raw) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String strip(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }
}
