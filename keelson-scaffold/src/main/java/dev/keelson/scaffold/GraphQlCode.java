package dev.keelson.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An added resource in a project with GraphQL: its own schema file ({@code graphql/<plural>.graphqls}, which extends
 * {@code Query} and {@code Mutation}; Spring for GraphQL reads every schema file of the folder) and a controller in
 * the {@code graphql} package over the same service, so validation and access rules are those of REST.
 */
final class GraphQlCode {
    private final ResourceSpec spec;
    private final ResourceName r;
    private final List<FieldCode> fields;
    private final String base;

    GraphQlCode(ResourceSpec spec) {
        this.spec = spec;
        this.r = spec.name();
        this.fields = spec.fields().stream().map(f -> new FieldCode(f, r)).toList();
        this.base = spec.project().packageName();
    }

    List<ProjectFile> files() {
        String pkg = base + ".graphql";
        Map<String, String> local = new java.util.HashMap<>();
        String resourcePackage = base + "." + r.packageSegment() + ".";
        for (String type :
                List.of(r.className(), r.className() + "Input", r.className() + "Filter", r.className() + "Service")) {
            local.put(type, resourcePackage + type);
        }
        fields.stream()
                .filter(f -> f.type() instanceof FieldType.Choice)
                .forEach(f -> local.put(f.enumType(), resourcePackage + f.enumType()));
        return List.of(
                ProjectFile.text("src/main/resources/graphql/" + r.table() + ".graphqls", schema()),
                ProjectFile.text(
                        "src/main/java/" + pkg.replace('.', '/') + "/" + r.className() + "Graph.java",
                        JavaFile.of(base, pkg, controller(), local)));
    }

    private String schema() {
        String type = r.className();
        List<String> output = new ArrayList<>(List.of("id: ID!"));
        List<String> input = new ArrayList<>();
        for (FieldCode f : fields) {
            output.add("\"" + f.description() + "\"\n    " + f.name() + ": " + f.graphQlType());
            input.add("\"" + f.description() + "\"\n    " + f.name() + ": " + f.graphQlType());
        }
        output.addAll(List.of(
                "\"Increases with every change: pass it as expectedVersion.\"\n    version: Int!",
                "\"ISO-8601 instant.\"\n    createdAt: String!",
                "\"ISO-8601 instant.\"\n    updatedAt: String!"));
        String enums = fields.stream()
                .filter(f -> f.type() instanceof FieldType.Choice)
                .map(f -> "\nenum " + f.enumType() + " {\n    "
                        + String.join("\n    ", ((FieldType.Choice) f.type()).constants()) + "\n}\n")
                .collect(Collectors.joining());
        return """
                # %1$s, added with keelson add resource: the same rows and rules as %2$s.

                extend type Query {
                    "One %3$s; null with a NOT_FOUND error when there is none%4$s."
                    %5$s("A UUID." id: ID!): %6$s
                    "%7$s, newest first (sort: OLDEST_FIRST for oldest first). first: 1 to 100; after: pageInfo.endCursor."
                    %8$s(first: Int = 20, after: String, sort: OrderSort = NEWEST_FIRST%9$s): %6$sPage!
                }

                extend type Mutation {
                    "Creates a %3$s%10$s."
                    create%6$s(input: %6$sInput!): %6$s!
                    "Replaces a %3$s's fields when expectedVersion is current (PRECONDITION_FAILED otherwise)%10$s."
                    replace%6$s("A UUID." id: ID!, expectedVersion: Int!, input: %6$sInput!): %6$s!
                    "Soft-deletes a %3$s%10$s."
                    delete%6$s("A UUID." id: ID!): Boolean!
                }

                type %6$s {
                    %11$s
                }

                input %6$sInput {
                    %12$s
                }

                type %6$sPage {
                    nodes: [%6$s!]!
                    pageInfo: PageInfo!
                }
                %13$s""".formatted(
                        ResourceCode.capitalized(r.pluralWords()),
                        r.path(),
                        r.words(),
                        spec.owned() ? " or it is another user's" : "",
                        r.variable(),
                        type,
                        ResourceCode.capitalized(r.pluralWords()),
                        r.pluralVariable(),
                        filterArguments(),
                        spec.adminManaged() ? " (admins only: FORBIDDEN for anyone else)" : "",
                        String.join("\n    ", output),
                        String.join("\n    ", input),
                        enums);
    }

    private String filterArguments() {
        StringBuilder out = new StringBuilder();
        for (FieldCode f : fields) {
            if (f.field().filter() && f.type() instanceof FieldType.Timestamp) {
                out.append(", ")
                        .append(f.name())
                        .append("From: String, ")
                        .append(f.name())
                        .append("To: String");
            } else if (f.field().filter()) {
                out.append(", ")
                        .append(f.name())
                        .append(": ")
                        .append(f.graphQlType().replace("!", ""));
            }
        }
        return out.append(", createdFrom: String, createdTo: String").toString();
    }

    private String controller() {
        String caller = spec.owned() ? "callers.current(), " : "";
        String admin = "";
        List<String> params = new ArrayList<>(List.of(
                "@Argument @Min(1) @Max(Page.MAX_LIMIT) int first",
                "@Argument @Size(max = 200) String after",
                "@Argument String sort"));
        List<String> args = new ArrayList<>();
        for (FieldCode f : fields) {
            if (f.field().filter() && f.type() instanceof FieldType.Timestamp) {
                params.add("@Argument Instant " + f.name() + "From");
                params.add("@Argument Instant " + f.name() + "To");
                args.addAll(List.of(f.name() + "From", f.name() + "To"));
            } else if (f.field().filter()) {
                params.add("@Argument " + f.javaType() + " " + f.name());
                args.add(f.name());
            }
        }
        params.addAll(List.of("@Argument Instant createdFrom", "@Argument Instant createdTo"));
        args.addAll(List.of("createdFrom", "createdTo"));
        return """
                /**
                 * %1$s in GraphQL, through {@link %2$sService}, so validation%3$s work exactly as in REST.
                 */
                @Controller
                class %2$sGraph {
                    private final %2$sService %4$s;%5$s

                    %2$sGraph(%2$sService %4$s%6$s) {
                        this.%4$s = %4$s;%7$s
                    }

                    @QueryMapping
                    %2$s %8$s(@Argument UUID id) {
                        return %4$s.get(%9$sid);
                    }

                    @QueryMapping
                    Connection<%2$s> %4$s(
                            %10$s) {
                        %2$sFilter filter = new %2$sFilter(%11$s);
                        return Connection.of(%4$s.list(%9$sfilter, "OLDEST_FIRST".equals(sort) ? "createdAt" : "-createdAt", after, first));
                    }

                    @MutationMapping%12$s
                    %2$s create%2$s(@Argument @Valid %2$sInput input) {
                        return %4$s.create(callers.current(), input);
                    }

                    @MutationMapping%12$s
                    %2$s replace%2$s(@Argument UUID id, @Argument int expectedVersion, @Argument @Valid %2$sInput input) {
                        return %4$s.replace(callers.current(), id, expectedVersion, input);
                    }

                    @MutationMapping%12$s
                    boolean delete%2$s(@Argument UUID id) {
                        %4$s.delete(callers.current(), id);
                        return true;
                    }
                }
                """.formatted(
                        ResourceCode.capitalized(r.pluralWords()),
                        r.className(),
                        spec.owned()
                                ? ", ownership (another user's is NOT_FOUND)"
                                : spec.adminManaged() ? " and the admin rule" : "",
                        r.pluralVariable(),
                        "\n    private final Callers callers;",
                        ", Callers callers",
                        "\n        this.callers = callers;",
                        r.variable(),
                        caller,
                        String.join(",\n            ", params),
                        Lines.args(args, 40 + 2 * r.className().length(), "                "),
                        admin);
    }
}
