package dev.keelson.scaffold;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes files into an existing folder all or nothing: every file is first written beside its target
 * ({@code .NAME.keelson-…}), then each is renamed into place, the file it replaces kept aside until all are in. When
 * anything fails, or the JVM is interrupted (Ctrl-C), what was renamed is taken back, replaced files are restored,
 * and the staged copies and the folders this made are removed: the folder is as it was.
 */
final class AtomicFiles {
    private final Path root;
    private final String tag = ".keelson-" + UUID.randomUUID();
    private final List<Path> createdFolders = new ArrayList<>();
    private final List<Step> done = new ArrayList<>();
    private final List<Path> staged = new ArrayList<>();

    /** One file moved into place, and the file it replaced (or {@code null}). */
    private record Step(Path target, Path original) {}

    private AtomicFiles(Path root) {
        this.root = root;
    }

    /**
     * Writes {@code files} under {@code root}. A file in {@code replaced} may exist and is replaced; any other must
     * not exist.
     *
     * @throws ScaffoldException {@link ScaffoldErrorCode#WRITE_FAILED} (nothing changed) or {@link ScaffoldErrorCode#NAME_TAKEN} when a
     *                           new file's path appeared in the meantime
     */
    static void write(Path root, List<ProjectFile> files, List<String> replaced) {
        new AtomicFiles(root).run(files, replaced);
    }

    private void run(List<ProjectFile> files, List<String> replaced) {
        Thread undo = new Thread(this::rollBack, "keelson-add-rollback");
        Runtime.getRuntime().addShutdownHook(undo);
        try {
            for (ProjectFile file : files) {
                stage(file, replaced.contains(file.path()));
            }
            for (int i = 0; i < files.size(); i++) {
                moveIntoPlace(staged.get(i), root.resolve(files.get(i).path()));
            }
            finish();
        } catch (IOException | RuntimeException e) {
            rollBack();
            throw e instanceof ScaffoldException s
                    ? s
                    : new ScaffoldException(
                            ScaffoldErrorCode.WRITE_FAILED,
                            "Could not write into " + root + ": " + e.getMessage() + "; nothing was changed",
                            e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(undo);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs
            }
        }
    }

    /** All in place: the replaced files go, and a late shutdown hook finds nothing to take back. */
    private synchronized void finish() {
        done.stream().filter(s -> s.original() != null).forEach(s -> AtomicDirectory.deleteQuietly(s.original()));
        done.clear();
        staged.clear();
        createdFolders.clear();
    }

    private void stage(ProjectFile file, boolean mayExist) throws IOException {
        Path target = root.resolve(file.path());
        if (!mayExist && Files.exists(target)) {
            throw new ScaffoldException(
                    ScaffoldErrorCode.NAME_TAKEN,
                    file.path() + " exists already: choose another name; nothing was changed");
        }
        createFolders(target.getParent());
        Path copy = target.resolveSibling("." + target.getFileName() + tag);
        staged.add(copy);
        Files.write(copy, file.content());
        if (file.executable() && !copy.toFile().setExecutable(true, false)) {
            throw new IOException("cannot make " + file.path() + " executable");
        }
    }

    private void moveIntoPlace(Path copy, Path target) throws IOException {
        Path original = null;
        if (Files.exists(target)) {
            original = target.resolveSibling("." + target.getFileName() + tag + ".orig");
            move(target, original);
        }
        done.add(new Step(target, original));
        move(copy, target);
    }

    private void createFolders(Path folder) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = folder; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(p);
        }
        for (Path p : missing.reversed()) {
            Files.createDirectory(p);
            createdFolders.add(p);
        }
    }

    /** Puts back what was there; best effort, in reverse order, never throws. */
    private synchronized void rollBack() {
        for (Step step : done.reversed()) {
            try {
                Files.deleteIfExists(step.target());
                if (step.original() != null) {
                    move(step.original(), step.target());
                }
            } catch (IOException e) {
                // best effort: the caller reports the first failure
            }
        }
        done.clear();
        staged.forEach(AtomicDirectory::deleteQuietly);
        createdFolders.reversed().forEach(AtomicDirectory::deleteQuietly);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
