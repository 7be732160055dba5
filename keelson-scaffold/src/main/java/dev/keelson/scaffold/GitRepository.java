package dev.keelson.scaffold;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the project a git repository with one commit, through the {@code git} command (so the user's own
 * configuration applies). Without git on the PATH the project is still made, without a repository.
 */
final class GitRepository {
    private static final long TIMEOUT_SECONDS = 60;
    static final String FALLBACK_NAME = "keelson new";
    static final String FALLBACK_EMAIL = "keelson@localhost";
    private static final List<String> REPOSITORY_LOCATION = List.of(
            "GIT_DIR",
            "GIT_WORK_TREE",
            "GIT_INDEX_FILE",
            "GIT_OBJECT_DIRECTORY",
            "GIT_ALTERNATE_OBJECT_DIRECTORIES",
            "GIT_COMMON_DIR",
            "GIT_PREFIX");

    private GitRepository() {}

    /** The outcome: a commit id, or why there is none. */
    record Outcome(String commitId, String note) {}

    /** {@code git init} on branch {@code main}, add everything, commit; the commit id. */
    static Outcome initAndCommit(Path dir, String message) {
        if (!available(dir)) {
            return new Outcome(null, "git is not on the PATH: the project is not a git repository yet (git init)");
        }
        required(dir, "git", "-c", "init.defaultBranch=main", "init", "-q");
        required(dir, "git", "add", "-A");
        List<String> commit = new ArrayList<>(List.of("git", "-c", "commit.gpgsign=false"));
        String note = null;
        if (run(dir, "git", "config", "user.email").exit() != 0) {
            commit.addAll(List.of("-c", "user.name=" + FALLBACK_NAME, "-c", "user.email=" + FALLBACK_EMAIL));
            note = "git has no user.email configured: the first commit is by " + FALLBACK_NAME + " <" + FALLBACK_EMAIL
                    + ">";
        }
        commit.addAll(List.of("commit", "-q", "--no-verify", "-m", message));
        required(dir, commit.toArray(String[]::new));
        return new Outcome(required(dir, "git", "rev-parse", "HEAD").strip(), note);
    }

    /**
     * Why {@code dir} is not a clean git work tree: its uncommitted and untracked files (up to 5 named), that it is no
     * repository, or that git is missing; empty when it is clean.
     */
    static java.util.Optional<String> uncommitted(Path dir) {
        if (!available(dir)) {
            return java.util.Optional.of("git is not on the PATH, so its changes cannot be checked");
        }
        Result inside = run(dir, "git", "rev-parse", "--is-inside-work-tree");
        if (inside.exit() != 0 || !inside.output().strip().equals("true")) {
            return java.util.Optional.of("it is not a git repository");
        }
        List<String> changed = required(dir, "git", "status", "--porcelain", "--untracked-files=all", "--", ".")
                .lines()
                .map(l -> l.substring(Math.min(3, l.length())))
                .toList();
        if (changed.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("it has " + changed.size() + " uncommitted change"
                + (changed.size() == 1 ? "" : "s")
                + " (" + String.join(", ", changed.subList(0, Math.min(5, changed.size())))
                + (changed.size() > 5 ? ", ..." : "") + ")");
    }

    private static String required(Path dir, String... command) {
        Result result = run(dir, command);
        if (result.exit() != 0) {
            throw new ScaffoldException(
                    ScaffoldErrorCode.GIT_FAILED,
                    String.join(" ", command).replaceFirst(" -m .*", "") + " failed (exit " + result.exit() + "): "
                            + result.output().strip());
        }
        return result.output();
    }

    private static boolean available(Path dir) {
        try {
            return run(dir, "git", "--version").exit() == 0;
        } catch (ScaffoldException e) {
            return false;
        }
    }

    private record Result(int exit, String output) {}

    /**
     * Runs {@code command} in {@code dir}. Its output goes to a temporary file, so that the wait is the one blocking
     * call and an interrupt (Ctrl-C at the command line) ends it at once: the process is then destroyed.
     */
    private static Result run(Path dir, String... command) {
        Path output = null;
        Process process = null;
        try {
            output = Files.createTempFile("keelson-git-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            // a surrounding git (a hook, a script inside another repository) must not redirect these commands
            builder.environment().keySet().removeAll(REPOSITORY_LOCATION);
            process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new ScaffoldException(
                        ScaffoldErrorCode.GIT_FAILED,
                        String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScaffoldException(ScaffoldErrorCode.GIT_FAILED, "Could not run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScaffoldException(ScaffoldErrorCode.INTERRUPTED, "Interrupted while running git", e);
        } finally {
            if (process != null && process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file the system cleans up anyway
        }
    }
}
