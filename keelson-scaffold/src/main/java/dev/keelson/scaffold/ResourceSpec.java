package dev.keelson.scaffold;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A resource to add, validated against the project it goes into.
 *
 * @param name    its name in every spelling
 * @param fields  its fields, in the order given (at least one, names distinct)
 * @param owned   rows belong to the user who created them (needs auth); otherwise, with auth, only admins write
 * @param project the project it is added to
 * @param targets the resources its references reach, directly or through theirs, by table: the tests make rows of
 *                them
 */
record ResourceSpec(
        ResourceName name, List<Field> fields, boolean owned, ExistingProject project, Map<String, Target> targets) {

    /**
     * A resource a reference points to: the project's users (auth), its orders, or a resource added before.
     *
     * @param name   its name
     * @param fields its fields ({@code List.of()} for users)
     * @param owned  each row has an owner ({@code user_id}): added with {@code --owned}, or orders with auth
     * @param users  it is the project's users table
     */
    record Target(ResourceName name, List<Field> fields, boolean owned, boolean users) {
        Target {
            fields = List.copyOf(fields);
        }
    }
    /** Packages a resource must not take: the template's own, present or not. */
    private static final Set<String> RESERVED_PACKAGES =
            Set.of("platform", "testing", "attack", "auth", "user", "graphql", "jobs", "deploy", "faults", "order");

    ResourceSpec {
        fields = List.copyOf(fields);
        targets = Map.copyOf(targets);
        if (fields.isEmpty()) {
            throw new ScaffoldException(
                    ScaffoldErrorCode.INVALID_FIELD,
                    "A resource needs at least one field: add NAME:TYPE arguments, for example title:text(200)");
        }
        Set<String> seen = new HashSet<>();
        for (Field f : fields) {
            if (!seen.add(f.name())) {
                throw new ScaffoldException(
                        ScaffoldErrorCode.INVALID_FIELD,
                        "Field '" + f.name() + "' is given twice: give each field once");
            }
        }
        if (owned && !project.has(Feature.AUTH)) {
            throw new ScaffoldException(
                    ScaffoldErrorCode.FEATURE_CONFLICT,
                    "--owned needs a project with auth (rows belong to the signed-in user), and this one has none: "
                            + "leave --owned out");
        }
        checkFree(name, project);
    }

    boolean has(Feature feature) {
        return project.has(feature);
    }

    /** Only admins create, change and delete (a project with auth, a resource that is not owned). */
    boolean adminManaged() {
        return !owned && project.has(Feature.AUTH);
    }

    List<Field> filterFields() {
        return fields.stream().filter(Field::filter).toList();
    }

    List<Field> sortFields() {
        return fields.stream().filter(Field::sort).toList();
    }

    /** The target of a reference field. */
    Target target(FieldType.Reference ref) {
        return targets.get(ref.target().table());
    }

    boolean hasType(Class<? extends FieldType> type) {
        return fields.stream().anyMatch(f -> type.isInstance(f.type()));
    }

    private static void checkFree(ResourceName name, ExistingProject project) {
        String why = null;
        if (RESERVED_PACKAGES.contains(name.packageSegment())
                || project.packages().contains(name.packageSegment())) {
            why = "the package " + project.packageName() + "." + name.packageSegment() + " is taken";
        } else if (project.tables().contains(name.table())) {
            why = "a migration already creates the table " + name.table();
        } else {
            for (String type : List.of(name.className(), name.pluralClassName(), name.className() + "Controller")) {
                if (project.types().contains(type)) {
                    why = "the project already has a class " + type;
                }
            }
        }
        if (why != null) {
            throw new ScaffoldException(
                    ScaffoldErrorCode.NAME_TAKEN,
                    "Cannot add '" + name.singular() + "': " + why + "; choose another name");
        }
    }
}
