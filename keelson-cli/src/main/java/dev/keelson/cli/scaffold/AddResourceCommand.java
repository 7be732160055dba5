package dev.keelson.cli.scaffold;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.ExitCode;
import dev.keelson.scaffold.AddResource;
import dev.keelson.scaffold.AddedResource;
import dev.keelson.scaffold.Feature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code keelson add resource NAME FIELD...}: a new REST resource in a project made by {@code keelson new}. */
@Command(
        name = "resource",
        sortOptions = false,
        description = {
            "Adds a resource to a project made by keelson new: the V/U migration pair, a package with its records, "
                    + "repository, service and controller (validation, keyset pagination, ETag/If-Match, "
                    + "idempotency keys, soft delete, OpenAPI descriptions), its tests, and, when the project has "
                    + "them, its access rules (auth) and GraphQL type.",
            "",
            "FIELD is NAME:TYPE[:MODIFIER]...  Types: text(MAX) (text alone: 255), integer, decimal(P,S), money, "
                    + "boolean, date, timestamp, enum(A,B,...), ref(RESOURCE) (the id of another resource, of order, "
                    + "or of user with auth, with its foreign key and index).  Modifiers: optional (fields are "
                    + "required unless said), unique, filter (lists may filter on it; enum, boolean and ref fields "
                    + "always do), sort (lists may sort on it: sort=NAME ascending, sort=-NAME descending).",
            "",
            "Example: keelson add resource product 'title:text(200)' price:money stock:integer "
                    + "'status:enum(DRAFT,LIVE)' 'sku:text(40):unique'  (quote fields with parentheses: the shell "
                    + "reads them)",
            "",
            "It writes nothing when it refuses, and writes atomically: all files or none.",
            ""
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            "0:the resource was added (or, with --dry-run, listed)",
            "1:writing the files failed; nothing was changed",
            "2:bad usage: a name the project already uses, an unknown field type or modifier, a folder not made by "
                    + "keelson new, uncommitted changes without --allow-dirty, --owned without auth",
            ExitCode.INTERRUPTED_LINE
        })
public final class AddResourceCommand implements Callable<Integer> {
    /** How the result is printed. */
    enum Format {
        TEXT,
        JSON
    }

    @ParentCommand
    AddCommand parent;

    @Parameters(
            index = "0",
            paramLabel = "NAME",
            description = "The resource's singular name: product, line-item (its table and path take the plural).")
    String name;

    @Parameters(
            index = "1..*",
            arity = "1..*",
            paramLabel = "FIELD",
            description = "NAME:TYPE[:MODIFIER]..., for example title:text(200) or sku:text(40):unique.")
    List<String> fields;

    @Option(
            names = "--owned",
            description = "Each row belongs to the user who created it: others get 404, admins see all. Needs auth "
                    + "(default: with auth, everyone signed in reads and admins write; without auth, open).")
    boolean owned;

    @Option(
            names = "--plural",
            paramLabel = "PLURAL",
            description = "The plural when English rules get it wrong (person: --plural people).")
    String plural;

    @Option(
            names = "--dir",
            paramLabel = "PROJECT",
            description = "The project folder (default: the current directory).")
    String dir;

    @Option(
            names = "--allow-dirty",
            description = "Add to a project with uncommitted changes, or no git repository (default: refuse, so the "
                    + "added files stand apart in git).")
    boolean allowDirty;

    @Option(names = "--dry-run", description = "List the files it would write, and write nothing (default: off).")
    boolean dryRun;

    @Option(
            names = "--format",
            paramLabel = "text|json",
            defaultValue = "text",
            description = "Output: text, or one JSON document on standard output (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        CliEnvironment environment = parent.root().environment();
        AddResource add = AddResource.configure()
                .project(dir == null ? environment.workingDir() : environment.resolve(dir))
                .name(name)
                .plural(plural)
                .fields(fields)
                .owned(owned)
                .allowDirty(allowDirty)
                .build();
        AddedResource added = dryRun ? null : add.write();
        if (format == Format.JSON) {
            environment.out().println(json(add, added));
        } else {
            text(environment.out(), add, added, environment.workingDir());
        }
        return ExitCode.OK;
    }

    private void text(PrintWriter out, AddResource add, AddedResource added, Path workingDir) {
        out.println((added == null ? "Would add " : "Added ") + add.path() + " to " + add.projectDirectory() + " ("
                + add.files().size() + " files"
                + (add.changedFiles().isEmpty() ? "" : ", " + add.changedFiles().size() + " of them changed") + "):");
        for (String file : add.files()) {
            out.println((add.changedFiles().contains(file) ? "  changed " : "  created ") + file);
        }
        if (added == null) {
            out.println("Nothing was written (--dry-run).");
            return;
        }
        out.println("Next:");
        if (!add.projectDirectory().equals(workingDir.toAbsolutePath().normalize())) {
            out.println("  cd " + ProjectReport.cdTarget(add.projectDirectory(), workingDir));
        }
        out.println("  ./mvnw verify             # its tests with the project's");
        out.println("  ./mvnw spring-boot:run    # the migration runs at start-up; then " + add.path());
    }

    private static String json(AddResource add, AddedResource added) {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode doc = mapper.createObjectNode();
        doc.put("command", "add resource");
        doc.put("dryRun", added == null);
        doc.put("project", add.projectDirectory().toString());
        doc.put("path", add.path());
        doc.putPOJO(
                "projectFeatures",
                add.projectFeatures().stream().map(Feature::id).sorted().toList());
        doc.putPOJO(
                "created",
                add.files().stream()
                        .filter(f -> !add.changedFiles().contains(f))
                        .toList());
        doc.putPOJO("changed", add.changedFiles());
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
    }
}
