package dev.keelson.scaffold;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds a resource to a project that {@code keelson new} made: its migration pair, its package (records, repository
 * on {@code JdbcClient}, service, controller), its integration test, and its GraphQL schema file and controller when
 * the project has GraphQL.
 *
 * <pre>{@code
 * AddResource add = AddResource.configure()
 *         .project(Path.of("my-api"))
 *         .name("product")
 *         .fields(List.of("title:text(200)", "price:money", "stock:integer"))
 *         .build();                 // reads the project and validates: a ScaffoldException names what to fix
 * add.files();                     // what write() would create or change (a dry run)
 * AddedResource added = add.write();
 * }</pre>
 *
 * <p>It refuses, writing nothing, a name the project already uses, a field it does not know, a folder that is not a
 * project made by {@code keelson new}, and a project with uncommitted changes unless {@link Builder#allowDirty}. It
 * writes atomically: every file is in place, or none is.
 */
public final class AddResource {
    private final ResourceSpec spec;
    private final List<ProjectFile> files;
    private final List<String> changed;

    private AddResource(ResourceSpec spec, List<ProjectFile> files, List<String> changed) {
        this.spec = spec;
        this.files = List.copyOf(files);
        this.changed = List.copyOf(changed);
    }

    public static Builder configure() {
        return new Builder();
    }

    /** Every path {@link #write()} would create or change, relative to the project, in writing order. */
    public List<String> files() {
        return files.stream().map(ProjectFile::path).toList();
    }

    /** The paths among {@link #files()} that exist and would be changed: the load scenario, when the project has one. */
    public List<String> changedFiles() {
        return changed;
    }

    /** The features of the project that the generated code uses. */
    public Set<Feature> projectFeatures() {
        return spec.project().features();
    }

    /** The resource's URL path ({@code /api/v1/products}). */
    public String path() {
        return spec.name().path();
    }

    /** The project folder. */
    public Path projectDirectory() {
        return spec.project().directory();
    }

    /** The text {@link #write()} would write to {@code path} (for tests). */
    String plannedText(String path) {
        return files.stream()
                .filter(f -> f.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(path + " is not among " + files()))
                .text();
    }

    /** Writes the files, all or none. */
    public AddedResource write() {
        AtomicFiles.write(spec.project().directory(), files, changed);
        List<String> created =
                files().stream().filter(f -> !changed.contains(f)).toList();
        return new AddedResource(spec.project().directory(), spec.name().singular(), path(), created, changed);
    }

    /** The template's table a {@code ref(order)} reaches. */
    private static final String ORDERS = "orders";

    /** Collects the request; {@link #build()} validates it. */
    public static final class Builder {
        private Path project = Path.of("");
        private String name;
        private String plural;
        private final List<String> fields = new ArrayList<>();
        private boolean owned;
        private boolean allowDirty;

        private Builder() {}

        /** The project folder; default the current directory. */
        public Builder project(Path project) {
            this.project = project;
            return this;
        }

        /** The resource's singular name ({@code product}, {@code line-item}). Required. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Its plural when English rules get it wrong ({@code person} → {@code people}); optional. */
        public Builder plural(String plural) {
            this.plural = plural;
            return this;
        }

        /** Fields as {@code NAME:TYPE[:MODIFIER]...}; see {@code keelson add resource --help}. */
        public Builder fields(List<String> specs) {
            fields.addAll(specs);
            return this;
        }

        /** Rows belong to the user who creates them, who alone (or an admin) sees and changes them. Needs auth. */
        public Builder owned(boolean owned) {
            this.owned = owned;
            return this;
        }

        /** Adds to a project with uncommitted changes (or no git repository) too. */
        public Builder allowDirty(boolean allowDirty) {
            this.allowDirty = allowDirty;
            return this;
        }

        /**
         * Reads the project and validates the request.
         *
         * @throws ScaffoldException with a usage {@link ScaffoldErrorCode} naming what to fix
         */
        public AddResource build() {
            Manifest manifest = Manifest.bundled();
            ExistingProject existing = ExistingProject.read(project, manifest);
            ResourceName resource = ResourceName.parse(name, plural);
            Map<String, ResourceSpec.Target> targets = new LinkedHashMap<>();
            List<Field> parsed = fields(existing, fields, targets);
            ResourceSpec spec = new ResourceSpec(resource, parsed, owned, existing, targets);
            if (!allowDirty) {
                GitRepository.uncommitted(existing.directory()).ifPresent(why -> {
                    throw new ScaffoldException(
                            ScaffoldErrorCode.UNCOMMITTED_CHANGES,
                            existing.directory() + ": " + why + "; commit first, so the added files stand apart, "
                                    + "or pass --allow-dirty");
                });
            }
            ResourceFiles generated = new ResourceFiles(spec, command());
            return new AddResource(spec, generated.files(), generated.changed());
        }

        /** The command line that asks for this, for the migration's comment. */
        private String command() {
            return "keelson add resource " + name + (plural == null ? "" : " --plural " + plural) + " "
                    + String.join(" ", fields) + (owned ? " --owned" : "");
        }

        private static List<Field> fields(
                ExistingProject project, List<String> specs, Map<String, ResourceSpec.Target> targets) {
            return specs.stream()
                    .map(f -> Field.parse(f, target -> resolve(project, target, f, targets)))
                    .toList();
        }

        /**
         * The resource {@code typed} names: the users (with auth), the template's orders (each its placer's, with auth),
         * or one added before, with what it reaches.
         */
        private static ResourceName resolve(
                ExistingProject project, String typed, String field, Map<String, ResourceSpec.Target> targets) {
            ResourceName name = ResourceName.parse(typed);
            if (name.table().equals("users") && project.has(Feature.AUTH)) {
                targets.put("users", new ResourceSpec.Target(name, List.of(), false, true));
                return name;
            }
            if (name.table().equals(ORDERS)) {
                targets.put(ORDERS, new ResourceSpec.Target(name, List.of(), project.has(Feature.AUTH), false));
                return name;
            }
            List<String> args = project.added().get(name.table());
            if (args == null) {
                throw new ScaffoldException(
                        ScaffoldErrorCode.INVALID_FIELD,
                        "Invalid field '" + field + "': the project has no resource '" + typed + "' to refer to; "
                                + "refer to one added with keelson add resource"
                                + (project.added().isEmpty()
                                        ? ""
                                        : " ("
                                                + String.join(
                                                        ", ", project.added().keySet()) + ")")
                                + (project.has(Feature.AUTH) ? ", to order or to user" : " or to order")
                                + ", or add it first");
            }
            if (!targets.containsKey(name.table())) {
                targets.put(name.table(), target(project, args, targets));
            }
            return targets.get(name.table()).name();
        }

        /** A resource added before, from the arguments its migration's first line records. */
        private static ResourceSpec.Target target(
                ExistingProject project, List<String> args, Map<String, ResourceSpec.Target> targets) {
            int pluralAt = args.indexOf("--plural");
            ResourceName name = ResourceName.parse(args.getFirst(), pluralAt < 0 ? null : args.get(pluralAt + 1));
            List<String> specs = new ArrayList<>();
            for (int i = 1; i < args.size(); i++) {
                if (i == pluralAt) {
                    i++;
                } else if (!args.get(i).startsWith("--")) {
                    specs.add(args.get(i));
                }
            }
            if (args.contains("--owned")) {
                targets.putIfAbsent(
                        "users", new ResourceSpec.Target(ResourceName.parse("user"), List.of(), false, true));
            }
            return new ResourceSpec.Target(name, fields(project, specs, targets), args.contains("--owned"), false);
        }
    }
}
