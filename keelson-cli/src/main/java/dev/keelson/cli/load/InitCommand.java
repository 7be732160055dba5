package dev.keelson.cli.load;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.cli.ExitCode;
import dev.keelson.cli.JsonDocument;
import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import dev.keelson.load.Scenario;
import dev.keelson.load.ScenarioDraft;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code keelson load init}: a scenario skeleton from an OpenAPI document or a HAR recording. */
@Command(
        name = "init",
        description = {
            "Write a scenario skeleton from what exists: an OpenAPI 3 document (one step per operation, path"
                    + " parameters as feed columns, example bodies from the schemas) or a browser's HAR recording (one"
                    + " scenario per host, one step per request). Review it, then run keelson load --scenario FILE."
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            "0:the scenario (and its feed) were written",
            "1:the OpenAPI URL could not be fetched, or a file could not be written",
            "2:bad usage: no source or both, a file that is missing or not an OpenAPI document or HAR recording, a"
                    + " file that exists without --force",
            ExitCode.INTERRUPTED_LINE
        })
final class InitCommand implements Callable<Integer> {
    /** A document larger than this is not read. */
    static final int MAX_BYTES = 32 * 1024 * 1024;

    @ParentCommand
    LoadCommand load;

    static final class Source {
        @Option(
                names = "--openapi",
                paramLabel = "URL|FILE",
                description = "An OpenAPI 3 document (JSON or YAML), e.g. http://localhost:8080/v3/api-docs.")
        String openapi;

        @Option(names = "--har", paramLabel = "FILE", description = "A HAR recording (browser: Save all as HAR).")
        String har;
    }

    @ArgGroup(multiplicity = "1")
    Source source;

    @Option(
            names = "--save",
            paramLabel = "FILE",
            defaultValue = "scenario.yaml",
            description = "The scenario file to write (default ${DEFAULT-VALUE}); its feed goes beside it as .csv;"
                    + " several hosts of a HAR give FILE-HOST.yaml each.")
    String save;

    @Option(names = "--target", paramLabel = "URL", description = "With --openapi: the target instead of its servers.")
    String target;

    @Option(
            names = "--keep-credentials",
            description = "With --har: keep Cookie, Authorization and CSRF headers (left out by default).")
    boolean keepCredentials;

    @Option(names = "--force", description = "Overwrite files that exist.")
    boolean force;

    @Option(
            names = {"--format", "-o"},
            paramLabel = "text|json",
            defaultValue = "text",
            description = "What to print: text or json (default ${DEFAULT-VALUE}).")
    OutputOptions.Format format;

    private record Written(Path file, Path feed, ScenarioDraft draft) {}

    @Override
    public Integer call() {
        CliEnvironment env = load.root.environment();
        if (format == OutputOptions.Format.HTML) throw usage("--format html is for run reports; give text or json");
        List<ScenarioDraft> drafts = drafts(env);
        List<Written> plan = plan(env.resolve(save), drafts);
        for (Written w : plan) {
            for (Path p : w.feed() == null ? List.of(w.file()) : List.of(w.file(), w.feed())) {
                if (Files.exists(p) && !force)
                    throw usage(p + " exists: give --force to overwrite it, or another --save");
            }
            if (w.file().getParent() != null && !Files.isDirectory(w.file().getParent())) {
                throw usage("--save " + save + ": directory " + w.file().getParent() + " does not exist");
            }
        }
        for (Written w : plan) write(w);
        print(env, plan);
        return ExitCode.OK;
    }

    private List<ScenarioDraft> drafts(CliEnvironment env) {
        if (source.har != null) {
            if (target != null) throw usage("--target goes with --openapi; a HAR recording names its hosts");
            return ScenarioDraft.fromHar(read(env.resolve(source.har), "--har"), source.har, keepCredentials);
        }
        URI override = target == null ? null : targetUri(target);
        String where = source.openapi;
        if (where.startsWith("http://") || where.startsWith("https://")) {
            URI url = URI.create(where);
            return List.of(ScenarioDraft.fromOpenApi(fetch(url), where, url, override));
        }
        return List.of(ScenarioDraft.fromOpenApi(read(env.resolve(where), "--openapi"), where, null, override));
    }

    private static URI targetUri(String text) {
        try {
            URI uri = URI.create(text);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        throw usage("--target " + text + ": give http://host:port or https://host:port");
    }

    private static String read(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new LoadException(LoadErrorCode.BAD_SOURCE, option + " " + file + ": no such file");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new LoadException(LoadErrorCode.BAD_SOURCE, option + " " + file + ": larger than 32 MiB");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LoadException(
                    LoadErrorCode.BAD_SOURCE, option + " " + file + ": cannot read it: " + e.getMessage());
        }
    }

    /** GETs the document, bounded in time and size; a server that cannot be reached is an operation that failed. */
    private static String fetch(URI url) {
        try (HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build()) {
            HttpResponse<InputStream> response = client.send(
                    HttpRequest.newBuilder(url)
                            .timeout(Duration.ofSeconds(30))
                            .header("Accept", "application/json, application/yaml;q=0.9, */*;q=0.1")
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] body = in.readNBytes(MAX_BYTES + 1);
                if (response.statusCode() != 200) {
                    throw new LoadException(
                            LoadErrorCode.RUN_FAILED,
                            "cannot fetch " + url + ": HTTP " + response.statusCode()
                                    + " (give the document's URL, e.g. http://localhost:8080/v3/api-docs, or a saved file)");
                }
                if (body.length > MAX_BYTES)
                    throw new LoadException(LoadErrorCode.BAD_SOURCE, url + ": larger than 32 MiB");
                return new String(body, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new LoadException(
                    LoadErrorCode.RUN_FAILED, "cannot fetch " + url + ": " + e + ": is the service running?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException(LoadErrorCode.RUN_FAILED, "interrupted while fetching " + url);
        } catch (IllegalArgumentException e) {
            throw usage("--openapi " + url + ": " + e.getMessage());
        }
    }

    private static List<Written> plan(Path save, List<ScenarioDraft> drafts) {
        String name = save.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name, ext = dot > 0 ? name.substring(dot) : ".yaml";
        List<Written> plan = new ArrayList<>();
        for (ScenarioDraft d : drafts) {
            String base = drafts.size() == 1
                    ? stem
                    : stem + "-"
                            + (d.target().getHost()
                                            + (d.target().getPort() > 0
                                                    ? "-" + d.target().getPort()
                                                    : ""))
                                    .replaceAll("[^A-Za-z0-9.-]", "_");
            Path file = save.resolveSibling(base + ext);
            plan.add(new Written(file, d.feed().isEmpty() ? null : save.resolveSibling(base + ".csv"), d));
        }
        return plan;
    }

    private void write(Written w) {
        String sourceName = source.openapi != null ? source.openapi : source.har;
        try {
            if (w.feed() != null) Files.writeString(w.feed(), w.draft().feedCsv());
            Files.writeString(
                    w.file(),
                    w.draft()
                            .yaml(
                                    sourceName,
                                    w.feed() == null
                                            ? null
                                            : w.feed().getFileName().toString()));
        } catch (IOException e) {
            throw new LoadException(LoadErrorCode.RUN_FAILED, "cannot write " + w.file() + ": " + e.getMessage(), e);
        }
        Scenario.load(w.file()); // what was written reads back as a scenario, or this names the line
    }

    private void print(CliEnvironment env, List<Written> plan) {
        List<String> notes = plan.stream()
                .flatMap(w -> w.draft().notes().stream())
                .distinct()
                .toList();
        if (format == OutputOptions.Format.JSON) {
            ObjectNode doc =
                    JsonDocument.of("load init").put("source", source.openapi != null ? source.openapi : source.har);
            ArrayNode scenarios = doc.putArray("scenarios");
            for (Written w : plan) {
                ObjectNode s = scenarios
                        .addObject()
                        .put("file", w.file().toString())
                        .put("target", w.draft().target().toString())
                        .put("steps", w.draft().steps().size());
                if (w.feed() == null) s.putNull("feed");
                else s.put("feed", w.feed().toString());
                ArrayNode columns = s.putArray("feedColumns");
                w.draft().feed().keySet().forEach(columns::add);
            }
            ArrayNode list = doc.putArray("notes");
            notes.forEach(list::add);
            env.out().println(JsonDocument.write(doc));
        } else {
            for (Written w : plan) {
                env.out()
                        .println("wrote " + w.file() + ": " + w.draft().steps().size() + " steps against "
                                + w.draft().target()
                                + (w.feed() == null
                                        ? ""
                                        : ", feed " + w.feed() + " "
                                                + w.draft().feed().keySet()));
            }
            notes.forEach(n -> env.out().println("note: " + n));
            env.out().println("run it: keelson load --scenario " + plan.get(0).file());
        }
        env.out().flush();
    }

    private static LoadException usage(String message) {
        return new LoadException(LoadErrorCode.BAD_CONFIG, message);
    }
}
