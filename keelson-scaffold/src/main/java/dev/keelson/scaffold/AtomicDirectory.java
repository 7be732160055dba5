package dev.keelson.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Creates a folder all at once: its content is written into a hidden sibling ({@code .NAME.keelson-…}) and renamed
 * to the target at the end. Whatever fails on the way, nothing is left behind: not the sibling, not the parent folders
 * this created. A JVM that ends on the way (Ctrl-C before the command line took it over) removes them too.
 */
final class AtomicDirectory {
    /** Fills a folder; may throw. */
    interface Filler {
        void fill(Path dir) throws IOException;
    }

    private AtomicDirectory() {}

    /** True when {@code target} does not exist or is an empty folder. */
    static boolean isFree(Path target) {
        if (!Files.exists(target)) {
            return true;
        }
        if (!Files.isDirectory(target)) {
            return false;
        }
        try (Stream<Path> children = Files.list(target)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    static void create(Path target, Filler filler) {
        List<Path> createdParents = new ArrayList<>();
        Path staging = null;
        Thread cleanup = null;
        try {
            createParents(target.getParent(), createdParents);
            staging = target.resolveSibling("." + target.getFileName() + ".keelson-" + UUID.randomUUID());
            Files.createDirectory(staging);
            Path toRemove = staging;
            List<Path> parentsToRemove = List.copyOf(createdParents.reversed());
            cleanup = new Thread(
                    () -> {
                        deleteQuietly(toRemove);
                        parentsToRemove.forEach(AtomicDirectory::deleteQuietly);
                    },
                    "keelson-new-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            filler.fill(staging);
            moveIntoPlace(staging, target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(staging);
            createdParents.reversed().forEach(AtomicDirectory::deleteQuietly);
            throw e instanceof ScaffoldException s
                    ? s
                    : new ScaffoldException(
                            ScaffoldErrorCode.WRITE_FAILED,
                            "Could not write " + target + ": " + describe(e) + "; nothing was left behind",
                            e);
        } finally {
            if (cleanup != null) {
                removeHook(cleanup);
            }
        }
    }

    private static void createParents(Path parent, List<Path> created) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = parent; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(p);
        }
        for (Path p : missing.reversed()) {
            Files.createDirectory(p);
            created.add(p);
        }
    }

    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        if (Files.isDirectory(target)) {
            try {
                Files.delete(target); // checked empty before; a file that appeared since makes this fail
            } catch (DirectoryNotEmptyException e) {
                throw new ScaffoldException(
                        ScaffoldErrorCode.TARGET_NOT_EMPTY,
                        target + " is no longer empty: something "
                                + "wrote into it while the project was generated; nothing was left behind");
            }
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        }
    }

    static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // best effort: the caller reports the original failure
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs and removes the staging folder
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
