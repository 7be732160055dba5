package dev.keelson.scaffold;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The main code of an added resource, in its own package beside the template's {@code order}: the stored record,
 * the input record with its validation, the filter record, an enum per enum field, the repository on
 * {@code JdbcClient}, the service and the REST controller. What it writes depends on the access rule: rows owned by
 * their creator ({@code --owned}), admin-managed (auth without {@code --owned}), or open (no auth).
 */
final class ResourceCode {
    private final ResourceSpec spec;
    private final ResourceName r;
    private final String base;
    private final String pkg;
    private final List<FieldCode> fields;

    ResourceCode(ResourceSpec spec) {
        this.spec = spec;
        this.r = spec.name();
        this.base = spec.project().packageName();
        this.pkg = base + "." + r.packageSegment();
        this.fields = spec.fields().stream().map(f -> new FieldCode(f, r)).toList();
    }

    /** The folder of the resource's package, relative to the project. */
    String folder() {
        return "src/main/java/" + pkg.replace('.', '/') + "/";
    }

    List<ProjectFile> files() {
        List<ProjectFile> files = new ArrayList<>();
        files.add(file("package-info", packageInfo()));
        files.add(file(r.className(), java(record())));
        files.add(file(r.className() + "Input", java(input())));
        files.add(file(r.className() + "Filter", java(filter())));
        for (FieldCode f : fields) {
            if (f.type() instanceof FieldType.Choice c) {
                files.add(file(f.enumType(), java(enumType(f, c))));
            }
        }
        files.add(file(r.pluralClassName(), java(new RepositoryCode(spec, fields).body())));
        files.add(file(r.className() + "Service", java(new ServiceCode(spec, fields).body())));
        files.add(file(r.className() + "Controller", java(new ControllerCode(spec, fields).body())));
        return files;
    }

    private ProjectFile file(String type, String text) {
        return ProjectFile.text(folder() + type + ".java", text);
    }

    private String java(String body) {
        return JavaFile.of(base, pkg, body, Map.of());
    }

    private String packageInfo() {
        String access = spec.owned()
                ? " Each " + r.words() + " belongs to the user who created it: anyone else gets 404, exactly as for a "
                        + "missing one; admins reach every " + r.words() + "."
                : spec.adminManaged()
                        ? " Every signed-in user reads " + r.pluralWords() + "; only admins create, change and delete "
                                + "them."
                        : "";
        return "/**\n"
                + Lines.comment(
                        capitalized(r.pluralWords()) + ", added with keelson add resource: validated input, keyset "
                                + "pagination with signed cursors, optimistic concurrency through ETag / If-Match, "
                                + "soft delete." + access,
                        "")
                + " */\npackage " + pkg + ";\n";
    }

    private String record() {
        List<String> components = new ArrayList<>();
        if (spec.owned()) {
            components.add("UUID userId");
        }
        components.add("UUID id");
        fields.forEach(f -> components.add(f.javaType() + " " + f.name()));
        components.addAll(List.of("int version", "Instant createdAt", "Instant updatedAt"));
        return "/** A " + r.words() + " as stored" + (spec.owned() ? "; {@code userId} is its owner" : "") + ". */\n"
                + "public record " + r.className() + "(\n        " + String.join(",\n        ", components)
                + ") {}\n";
    }

    private String input() {
        String components = fields.stream()
                .map(f -> "@Schema(description = " + Lines.text(f.description(), 30, "                ") + ")\n        "
                        + (f.validation() + " " + f.javaType() + " " + f.name()).strip())
                .collect(Collectors.joining(",\n        "));
        return "/**\n * What a client sends to create or replace a " + r.words() + ", with its validation rules: every "
                + "API that writes\n * " + r.pluralWords() + " binds to this record, so the rules are the same.\n */\n"
                + "public record " + r.className() + "Input(\n        " + components + ") {}\n";
    }

    private String filter() {
        List<String> components = new ArrayList<>();
        for (FieldCode f : fields) {
            if (f.field().filter() && f.type() instanceof FieldType.Timestamp) {
                components.add("Instant " + f.name() + "From");
                components.add("Instant " + f.name() + "To");
            } else if (f.field().filter()) {
                components.add(f.javaType() + " " + f.name());
            }
        }
        components.addAll(List.of("Instant createdFrom", "Instant createdTo"));
        return "/**\n * What a list of " + r.pluralWords() + " is narrowed to: each value given ({@code null}: any) "
                + "must match; instants\n * bound a half-open range ({@code From} inclusive, {@code To} exclusive).\n"
                + " */\npublic record " + r.className() + "Filter(\n        " + String.join(",\n        ", components)
                + ") {}\n";
    }

    private String enumType(FieldCode f, FieldType.Choice c) {
        return "/** The values of a " + r.words() + "'s {@code " + f.name() + "}. */\npublic enum " + f.enumType()
                + " {\n    " + String.join(",\n    ", c.constants()) + "\n}\n";
    }

    static String capitalized(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
