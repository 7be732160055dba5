package dev.keelson.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The project's {@code keelson load} scenario, {@code load/scenario.yaml}: each virtual user (with auth: signs in
 * with an account of {@code load/users.csv}, which {@code load/sign-up.yaml} signs up once) places an order, reads it
 * and lists orders. {@code keelson add resource} appends its resource's steps: create, read and list when the
 * scenario's user may create one and every required value has a spelling here, otherwise the list alone.
 */
final class LoadScenario {
    static final String PATH = "load/scenario.yaml";
    private static final String ROOT = "/dev/keelson/scaffold/";
    /** The accounts of {@code load/users.csv}. */
    private static final int ACCOUNTS = 50;

    private LoadScenario() {}

    /** The scenario files of a new project with {@code features}. */
    static List<ProjectFile> files(Set<Feature> features) {
        List<ProjectFile> files = new ArrayList<>();
        files.add(ProjectFile.text(PATH, LineMarkers.apply(template("load-scenario.yaml"), PATH, features)));
        if (features.contains(Feature.AUTH)) {
            files.add(ProjectFile.text("load/sign-up.yaml", template("load-sign-up.yaml")));
            StringBuilder users = new StringBuilder("email,password\n");
            for (int i = 1; i <= ACCOUNTS; i++) {
                users.append("load-")
                        .append(i)
                        .append("@example.com,correct horse battery staple ")
                        .append(i);
                users.append('\n');
            }
            files.add(ProjectFile.text("load/users.csv", users.toString()));
        }
        return files;
    }

    /** The project's scenario with {@code spec}'s steps appended; empty when the project has none. */
    static Optional<ProjectFile> withResource(ResourceSpec spec) {
        Path file = spec.project().directory().resolve(PATH);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file);
            return Optional.of(ProjectFile.text(PATH, text + (text.endsWith("\n") ? "" : "\n") + steps(spec, text)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String steps(ResourceSpec spec, String scenario) {
        ResourceName r = spec.name();
        boolean auth = spec.has(Feature.AUTH);
        String headers = auth ? "    headers:\n      Authorization: Bearer ${token}\n" : "";
        Optional<String> body = spec.adminManaged() ? Optional.empty() : body(spec, scenario);
        StringBuilder out = new StringBuilder();
        if (body.isPresent()) {
            out.append("  - name: create ")
                    .append(r.words())
                    .append('\n')
                    .append("    method: POST\n")
                    .append("    path: ")
                    .append(r.path())
                    .append('\n')
                    .append("    headers:\n")
                    .append(auth ? "      Authorization: Bearer ${token}\n" : "")
                    .append("      Content-Type: application/json\n")
                    .append("    body: '")
                    .append(body.get())
                    .append("'\n")
                    .append("    expect: 201\n")
                    .append("    extract:\n")
                    .append("      ")
                    .append(r.variable())
                    .append("Id: /data/id\n")
                    .append("  - name: read ")
                    .append(r.words())
                    .append('\n')
                    .append("    path: ")
                    .append(r.path())
                    .append("/${")
                    .append(r.variable())
                    .append("Id}\n")
                    .append(headers)
                    .append("    expect: 200\n");
        }
        out.append("  - name: list ")
                .append(r.pluralWords())
                .append('\n')
                .append("    path: ")
                .append(r.path())
                .append("?limit=20\n")
                .append(headers)
                .append("    expect: 200\n");
        return out.toString();
    }

    /**
     * The JSON body of a create, or empty when the scenario cannot make one: a required reference to rows it does not
     * create, or a unique value it cannot vary (a unique text takes the iteration's order id, when it fits).
     */
    private static Optional<String> body(ResourceSpec spec, String scenario) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field f : spec.fields()) {
            if (!f.required() && !f.unique()) {
                continue;
            }
            String value = value(f, scenario);
            if (value == null) {
                return Optional.empty();
            }
            values.put(f.name(), value);
        }
        return Optional.of(values.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}")));
    }

    /** The field's JSON value in the scenario, or {@code null} when it has none. */
    private static String value(Field f, String scenario) {
        if (f.unique()) {
            return f.type() instanceof FieldType.Text t && t.maxLength() >= 36 ? "\"${orderId}\"" : null;
        }
        return switch (f.type()) {
            case FieldType.Text t -> "\"" + "load test".substring(0, Math.min(9, t.maxLength())) + "\"";
            case FieldType.Whole w -> "1";
            case FieldType.Decimal d ->
                "\"" + (d.precision() > d.scale() ? "1" : "0") + (d.scale() > 0 ? "." + "5".repeat(d.scale()) : "")
                        + "\"";
            case FieldType.Bool b -> "true";
            case FieldType.Day d -> "\"2026-12-07\"";
            case FieldType.Timestamp t -> "\"2026-12-07T10:15:30Z\"";
            case FieldType.Choice c -> "\"" + c.constants().getFirst() + "\"";
            case FieldType.Reference ref -> reference(ref, scenario);
        };
    }

    /** The iteration's order, or the row of a resource whose create step comes earlier; else {@code null}. */
    private static String reference(FieldType.Reference ref, String scenario) {
        String variable = ref.target().variable() + "Id";
        return scenario.contains("\n      " + variable + ": /data/id\n") ? "\"${" + variable + "}\"" : null;
    }

    private static String template(String name) {
        try (InputStream in = LoadScenario.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("keelson-scaffold is missing its resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
