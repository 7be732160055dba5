package dev.keelson.scaffold;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * keelson-scaffold's one entry point: derives a new service from Keelson's reference service.
 *
 * <pre>{@code
 * Scaffold scaffold = Scaffold.configure()
 *         .name("my-api")
 *         .packageName("com.acme.shop")
 *         .without(Feature.REDIS)
 *         .parentDirectory(Path.of("/home/me/src"))
 *         .build();                         // validates: a ScaffoldException names what to fix
 * List<String> files = scaffold.files();  // what generate() would write (a dry run)
 * GeneratedProject project = scaffold.generate();
 * }</pre>
 *
 * <p>The project is the reference service's files (packed into this library's jar when Keelson is built), renamed,
 * with the features not chosen removed, a standalone pom, its own README, Maven Wrapper, {@code .gitignore},
 * keelson-migrate in a project-local repository, and a first git commit. It is written atomically: it appears
 * complete under its name, or not at all. Every failure is a {@link ScaffoldException} with an {@link ScaffoldErrorCode}.
 */
public final class Scaffold {
    private final ProjectSpec spec;
    private final Bundle bundle;

    private Scaffold(ProjectSpec spec, Bundle bundle) {
        this.spec = spec;
        this.bundle = bundle;
    }

    public static Builder configure() {
        return new Builder();
    }

    public ProjectSpec spec() {
        return spec;
    }

    /** The features a project has unless told otherwise: all but GraphQL. */
    public static Set<Feature> defaultFeatures() {
        return EnumSet.complementOf(EnumSet.of(Feature.GRAPHQL));
    }

    /** The paths {@link #generate()} would write, relative to the project folder, sorted; writes nothing. */
    public List<String> files() {
        return derive().stream().map(ProjectFile::path).toList();
    }

    /**
     * Writes the project into {@link ProjectSpec#directory()} and commits it.
     *
     * @throws ScaffoldException {@link ScaffoldErrorCode#TARGET_NOT_EMPTY} when the folder filled up since {@link Builder#build()},
     *                           {@link ScaffoldErrorCode#WRITE_FAILED}, {@link ScaffoldErrorCode#GIT_FAILED} or, when the thread is interrupted,
     *                           {@link ScaffoldErrorCode#INTERRUPTED}; nothing is left behind
     */
    public GeneratedProject generate() {
        checkFree(spec.directory());
        List<ProjectFile> files = derive();
        GitRepository.Outcome[] git = new GitRepository.Outcome[1];
        AtomicDirectory.create(spec.directory(), dir -> {
            for (ProjectFile file : files) {
                stopIfInterrupted();
                write(dir, file);
            }
            stopIfInterrupted();
            git[0] = spec.gitCommit()
                    ? GitRepository.initAndCommit(dir, "A new service, made with keelson new")
                    : new GitRepository.Outcome(null, "no git repository (as asked)");
        });
        return new GeneratedProject(
                spec.directory(), files.stream().map(ProjectFile::path).toList(), git[0].commitId(), git[0].note());
    }

    private List<ProjectFile> derive() {
        return new ProjectFiles(bundle, spec).derive();
    }

    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ScaffoldException(ScaffoldErrorCode.INTERRUPTED, "Interrupted; nothing was left behind");
        }
    }

    private static void write(Path dir, ProjectFile file) throws java.io.IOException {
        Path path = dir.resolve(file.path());
        Files.createDirectories(path.getParent());
        Files.write(path, file.content());
        if (file.executable() && !path.toFile().setExecutable(true, false)) {
            throw new java.io.IOException("cannot make " + file.path() + " executable");
        }
    }

    private static void checkFree(Path directory) {
        if (!AtomicDirectory.isFree(directory)) {
            throw new ScaffoldException(
                    ScaffoldErrorCode.TARGET_NOT_EMPTY,
                    (Files.isDirectory(directory)
                                    ? directory + " exists and is not empty"
                                    : directory + " exists and is a file")
                            + ": choose another name, another --dir, or remove it");
        }
    }

    /** Collects the request; {@link #build()} validates it. */
    public static final class Builder {
        private String name;
        private String packageName;
        private String groupId;
        private final Set<Feature> features = defaultFeatures();
        private Path parentDirectory = Path.of("");
        private boolean gitCommit = true;

        private Builder() {}

        /** The project's name: its folder and artifact id. Required. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The Java package; default {@code com.example.<name without hyphens>}. */
        public Builder packageName(String packageName) {
            this.packageName = packageName;
            return this;
        }

        /** The Maven group id; default: the package without its last part ({@code com.example}). */
        public Builder groupId(String groupId) {
            this.groupId = groupId;
            return this;
        }

        /** Keeps {@code feature} (GraphQL is the one that is off by default). */
        public Builder with(Feature... more) {
            features.addAll(List.of(more));
            return this;
        }

        /** Removes features from the project. */
        public Builder without(Feature... less) {
            features.removeAll(List.of(less));
            return this;
        }

        /** The folder the project folder is created in; default the current directory. */
        public Builder parentDirectory(Path parent) {
            this.parentDirectory = parent;
            return this;
        }

        /** Whether to make a git repository with a first commit (default true; skipped when git is missing). */
        public Builder gitCommit(boolean commit) {
            this.gitCommit = commit;
            return this;
        }

        /**
         * Validates the request and reads the bundled template.
         *
         * @throws ScaffoldException with a usage {@link ScaffoldErrorCode} naming what to fix
         */
        public Scaffold build() {
            String pkg =
                    packageName != null ? packageName : name == null ? null : "com.example." + name.replace("-", "");
            String group = groupId != null
                    ? groupId
                    : pkg != null && pkg.contains(".") ? pkg.substring(0, pkg.lastIndexOf('.')) : pkg;
            Path directory = parentDirectory.resolve(name == null ? "" : name);
            ProjectSpec spec = new ProjectSpec(name, pkg, group, features, directory, gitCommit);
            checkFree(spec.directory());
            return new Scaffold(spec, Bundle.load());
        }
    }
}
