package dev.keelson.cli.load;

import dev.keelson.cli.ExitCode;
import dev.keelson.cli.JsonDocument;
import dev.keelson.cli.Keelson;
import dev.keelson.load.Durations;
import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import dev.keelson.load.Threshold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code keelson load kubernetes --shards N --image IMAGE -- LOAD-ARGS}: the manifests that run a load test as N
 * shards of one Kubernetes Indexed Job, then merge their results, as k6-operator does for k6.
 */
@Command(
        name = "kubernetes",
        description = {
            "Write the Kubernetes manifests that run a load test from several machines: an Indexed Job of --shards"
                    + " pods, pod i running 'keelson load LOAD-ARGS --shard job/N' (its index from"
                    + " JOB_COMPLETION_INDEX), all starting at one instant; their JSON results on a shared volume; and"
                    + " a second Job that waits for them and merges them (text summary in its log, merged.json on the"
                    + " volume). Apply with: keelson load kubernetes ... | kubectl apply -f -",
            "LOAD-ARGS, after --, are those of 'keelson load' (URL or --scenario, --users, --rate, --stage,"
                    + " --requests, ...) for the whole run; --threshold goes to the merge. Files they name (a"
                    + " scenario, its CSV, --data @FILE) are given with --file."
        },
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {
            "0:the manifests were written",
            "1:the manifests could not be saved",
            "2:bad usage: an option, a LOAD-ARG, a --file that cannot be read; the message names what to fix",
            ExitCode.INTERRUPTED_LINE
        })
final class KubernetesCommand implements Callable<Integer> {
    /** Kubernetes object names (RFC 1123 labels); the merge Job adds "-merge" to the name, within 63 characters. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,55}[a-z0-9])?");

    private static final DateTimeFormatter RUN_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @ParentCommand
    LoadCommand load;

    @Option(
            names = "--shards",
            paramLabel = "N",
            required = true,
            description = "How many shards (pods, best on different nodes) run the load together.")
    int shards;

    @Option(
            names = "--image",
            paramLabel = "IMAGE",
            required = true,
            description = "The keelson command's container image (keelson-dist/Dockerfile), e.g."
                    + " registry.example.com/keelson:0.1.0.")
    String image;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            defaultValue = "keelson-load",
            description = "Name of the Job (the merge Job is NAME-merge, the volume NAME-results); default"
                    + " ${DEFAULT-VALUE}.")
    String name;

    @Option(names = "--namespace", paramLabel = "NS", description = "Namespace of every object; default: kubectl's.")
    String namespace;

    @Option(
            names = "--start-in",
            paramLabel = "D",
            defaultValue = "2m",
            description = "The shards start together D after the manifests are written (default ${DEFAULT-VALUE}):"
                    + " time to apply them and pull the image; a pod that starts later starts at once.")
    String startIn;

    @Option(
            names = "--start-at",
            paramLabel = "INSTANT",
            description = "The shards start together at this ISO-8601 instant instead (e.g. 2026-12-07T15:00:00Z).")
    String startAt;

    @Option(
            names = "--run-id",
            paramLabel = "ID",
            description = "The run's id in every shard's result; default NAME-<start as yyyyMMdd-HHmmss>.")
    String runId;

    @Option(
            names = "--file",
            paramLabel = "FILE",
            description = "A file the LOAD-ARGS name (scenario, CSV feed, --data @FILE), repeatable: put in a"
                    + " ConfigMap and mounted as the shards' working directory, so name it by its file name alone.")
    List<String> files = new ArrayList<>();

    @Option(
            names = "--storage-class",
            paramLabel = "CLASS",
            description = "StorageClass of the results volume; it must offer ReadWriteMany (NFS, CephFS, EFS,"
                    + " Azure Files, Filestore...). Default: the cluster's default class.")
    String storageClass;

    @Option(
            names = "--cpu",
            paramLabel = "CPU",
            defaultValue = "1",
            description = "CPU each shard requests (default ${DEFAULT-VALUE}).")
    String cpu;

    @Option(
            names = "--memory",
            paramLabel = "SIZE",
            defaultValue = "1Gi",
            description = "Memory each shard requests and is limited to (default ${DEFAULT-VALUE}).")
    String memory;

    @Option(
            names = "--merge-wait",
            paramLabel = "D",
            defaultValue = "2h",
            description = "How long the merge Job waits for every shard's result (default ${DEFAULT-VALUE}).")
    String mergeWait;

    @Option(
            names = {"--format", "-o"},
            paramLabel = "yaml|json",
            defaultValue = "yaml",
            description = "yaml: the manifests, for kubectl (default); json: one document with them in"
                    + " 'manifests', for scripts.")
    Format format;

    @Option(names = "--save", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    String save;

    @Parameters(paramLabel = "LOAD-ARGS", description = "After --: the arguments of 'keelson load' for the whole run.")
    List<String> loadArgs = new ArrayList<>();

    /** How the manifests are printed. */
    enum Format {
        YAML,
        JSON
    }

    @Override
    public Integer call() {
        Keelson root = load.root;
        var env = root.environment();
        ShardedRun run = plan(Instant.now());
        KubernetesManifests manifests = new KubernetesManifests(run);
        String text = format == Format.YAML ? manifests.yaml() : json(run, manifests);
        if (save == null) {
            env.out().print(text);
            env.out().flush();
            return ExitCode.OK;
        }
        Path file = env.resolve(save);
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new LoadException(LoadErrorCode.RUN_FAILED, "cannot write " + file + ": " + e.getMessage(), e);
        }
        if (!root.quiet()) {
            env.err()
                    .println("wrote the manifests of " + shards + " shards to " + save + " (start at " + run.startAt()
                            + "); apply with: kubectl apply -f " + save);
        }
        return ExitCode.OK;
    }

    /** Checks every option and LOAD-ARG, and settles the start instant and the run id. */
    private ShardedRun plan(Instant now) {
        if (shards < 1) throw bad("--shards must be 1 or more, got " + shards);
        if (!NAME.matcher(name).matches()) {
            throw bad("--name '" + name + "' is not a Kubernetes name: lower-case letters, digits and '-', starting"
                    + " and ending with a letter or digit, at most 57 characters");
        }
        Instant start = startAt != null
                ? ShardOptions.instant(startAt)
                : now.plus(Durations.parse(startIn, "--start-in")).truncatedTo(ChronoUnit.SECONDS);
        Durations.parse(mergeWait, "--merge-wait");
        List<String> shardArgs = new ArrayList<>();
        List<String> thresholds = new ArrayList<>();
        split(shardArgs, thresholds);
        checkParses(shardArgs);
        return new ShardedRun(
                name,
                namespace,
                image,
                shards,
                start,
                runId != null ? runId : name + "-" + RUN_STAMP.format(start),
                shardArgs,
                thresholds,
                ConfigFiles.read(files, load.root.environment()),
                storageClass,
                cpu,
                memory,
                mergeWait);
    }

    /** LOAD-ARGS without the options the manifests set; {@code --threshold}s go to the merge. */
    private void split(List<String> shardArgs, List<String> thresholds) {
        if (loadArgs.isEmpty()) {
            throw bad("give the load's arguments after --, e.g. -- http://api.example.com/users --rate 1000 -d 5m");
        }
        for (int i = 0; i < loadArgs.size(); i++) {
            String arg = loadArgs.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (option) {
                case "--shard", "--start-at", "--run-id", "--save", "--format", "--output", "-o" ->
                    throw bad(option + " in the LOAD-ARGS: the manifests set it (each shard saves its JSON result"
                            + " on the volume, --shard job/N, --start-at and --run-id from this command's options);"
                            + " leave it out");
                case "--threshold" -> {
                    if (arg.contains("=")) {
                        thresholds.add(arg.substring(arg.indexOf('=') + 1));
                    } else if (i + 1 < loadArgs.size()) {
                        thresholds.add(loadArgs.get(++i));
                    } else {
                        throw bad("--threshold in the LOAD-ARGS needs an expression, e.g. --threshold 'p99<250ms'");
                    }
                }
                default -> shardArgs.add(arg);
            }
        }
        thresholds.forEach(Threshold::parse);
    }

    /** The shards' arguments must be a command line 'keelson load' takes: found here, not in the pods' logs. */
    private static void checkParses(List<String> shardArgs) {
        try {
            new CommandLine(new LoadCommand())
                    .setCaseInsensitiveEnumValuesAllowed(true) // as Keelson's own command line
                    .setExpandAtFiles(false)
                    .parseArgs(shardArgs.stream()
                            .filter(a -> !List.of("-q", "--quiet", "--verbose").contains(a)) // the root's options
                            .toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw bad("the LOAD-ARGS are not a 'keelson load' command line: " + e.getMessage());
        }
    }

    private String json(ShardedRun run, KubernetesManifests manifests) {
        ObjectNode doc = JsonDocument.of("load kubernetes")
                .put("name", run.name())
                .put("shards", run.shards())
                .put("runId", run.runId())
                .put("startAt", run.startAt().toString());
        doc.putArray("manifests").addAll(manifests.objects());
        return JsonDocument.write(doc) + System.lineSeparator();
    }

    private static LoadException bad(String message) {
        return new LoadException(LoadErrorCode.BAD_CONFIG, message);
    }
}
