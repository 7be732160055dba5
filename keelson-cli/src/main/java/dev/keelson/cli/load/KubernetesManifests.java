package dev.keelson.cli.load;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The objects that run a {@link ShardedRun} on Kubernetes, as k6-operator runs k6: a ReadWriteMany volume for the
 * results, a ConfigMap with the files the load reads (if any), an Indexed Job whose pod {@code i} runs shard
 * {@code i+1/N} and saves its JSON result on the volume, and a Job that waits for every result and merges them.
 */
final class KubernetesManifests {
    static final String RESULTS = "/results";
    static final String FILES = "/keelson/files";
    /** The Job controller writes each pod's completion index into this annotation (and JOB_COMPLETION_INDEX). */
    private static final String INDEX_ANNOTATION = "metadata.annotations['batch.kubernetes.io/job-completion-index']";
    /** The keelson image's user (keelson-dist/Dockerfile). */
    private static final int KEELSON_UID = 10001;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final ShardedRun run;

    KubernetesManifests(ShardedRun run) {
        this.run = run;
    }

    /** Every object, in the order to apply them. */
    List<ObjectNode> objects() {
        List<ObjectNode> objects = new ArrayList<>();
        objects.add(volumeClaim());
        if (!run.files().isEmpty()) objects.add(configMap());
        objects.add(shardJob());
        objects.add(mergeJob());
        return objects;
    }

    /** The objects as one multi-document YAML stream, with a comment saying how to use it. */
    String yaml() {
        StringBuilder text = new StringBuilder()
                .append("# keelson load as ")
                .append(run.shards())
                .append(" shards of one run (")
                .append(run.runId())
                .append("), starting together at ")
                .append(run.startAt())
                .append(".\n# Apply with kubectl apply -f FILE; follow with kubectl logs -f job/")
                .append(run.name())
                .append("-merge (the merged summary);\n# the shards' results and merged.json are on the volume ")
                .append(run.name())
                .append("-results.\n");
        for (ObjectNode object : objects()) text.append(YAML.writeValueAsString(object));
        return text.toString();
    }

    private ObjectNode volumeClaim() {
        ObjectNode claim = object("v1", "PersistentVolumeClaim", run.name() + "-results", "results");
        ObjectNode spec = claim.putObject("spec");
        spec.putArray("accessModes").add("ReadWriteMany"); // shards on several nodes write to it
        if (run.storageClass() != null) spec.put("storageClassName", run.storageClass());
        spec.putObject("resources").putObject("requests").put("storage", "1Gi");
        return claim;
    }

    private ObjectNode configMap() {
        ObjectNode map = object("v1", "ConfigMap", run.name() + "-files", "files");
        if (!run.files().text().isEmpty()) {
            ObjectNode data = map.putObject("data");
            run.files().text().forEach(data::put);
        }
        if (!run.files().binary().isEmpty()) {
            ObjectNode data = map.putObject("binaryData");
            run.files().binary().forEach(data::put);
        }
        return map;
    }

    private ObjectNode shardJob() {
        ObjectNode job = object("batch/v1", "Job", run.name(), "shard");
        ObjectNode spec = job.putObject("spec")
                .put("completionMode", "Indexed")
                .put("completions", run.shards())
                .put("parallelism", run.shards()) // all at once: they start together at --start-at
                .put("backoffLimit", 0); // a shard run again would run its part twice
        ObjectNode pod = podTemplate(spec, "shard");
        pod.putObject("affinity").set("podAntiAffinity", spreadOverNodes());
        ObjectNode container = container(pod, "shard");
        ArrayNode args = container.putArray("args").add("load");
        run.loadArgs().forEach(args::add);
        args.add("--shard")
                .add("job/" + run.shards())
                .add("--start-at")
                .add(run.startAt().toString())
                .add("--run-id")
                .add(run.runId())
                .add("--output")
                .add("json")
                .add("--save")
                .add(RESULTS + "/shard-$(JOB_COMPLETION_INDEX).json");
        container
                .putArray("env")
                .addObject()
                .put("name", ShardOptions.JOB_INDEX)
                .putObject("valueFrom")
                .putObject("fieldRef")
                .put("fieldPath", INDEX_ANNOTATION);
        ObjectNode resources = container.putObject("resources");
        resources.putObject("requests").put("cpu", run.cpu()).put("memory", run.memory());
        resources.putObject("limits").put("memory", run.memory());
        return job;
    }

    private ObjectNode mergeJob() {
        ObjectNode job = object("batch/v1", "Job", run.name() + "-merge", "merge");
        ObjectNode spec = job.putObject("spec").put("backoffLimit", 0);
        ObjectNode container = container(podTemplate(spec, "merge"), "merge");
        ArrayNode args = container
                .putArray("args")
                .add("load")
                .add("merge")
                .add("--wait")
                .add(run.mergeWait());
        for (int i = 0; i < run.shards(); i++) args.add(RESULTS + "/shard-" + i + ".json");
        for (String threshold : run.thresholds()) args.add("--threshold").add(threshold);
        args.add("--output").add("json").add("--save").add(RESULTS + "/merged.json");
        ObjectNode resources = container.putObject("resources");
        resources.putObject("requests").put("cpu", "250m").put("memory", "512Mi");
        resources.putObject("limits").put("memory", "512Mi");
        return job;
    }

    /** The pod template under a Job's spec: never restarted, non-root, the volumes mounted. */
    private ObjectNode podTemplate(ObjectNode jobSpec, String component) {
        ObjectNode template = jobSpec.putObject("template");
        template.putObject("metadata").set("labels", labels(component));
        ObjectNode pod = template.putObject("spec").put("restartPolicy", "Never");
        pod.putObject("securityContext")
                .put("runAsNonRoot", true)
                .put("runAsUser", KEELSON_UID)
                .put("fsGroup", KEELSON_UID); // the volume writable by the keelson user
        ArrayNode volumes = pod.putArray("volumes");
        volumes.addObject()
                .put("name", "results")
                .putObject("persistentVolumeClaim")
                .put("claimName", run.name() + "-results");
        if (!run.files().isEmpty() && component.equals("shard")) {
            volumes.addObject().put("name", "files").putObject("configMap").put("name", run.name() + "-files");
        }
        return pod;
    }

    private ObjectNode container(ObjectNode pod, String name) {
        ObjectNode container =
                pod.putArray("containers").addObject().put("name", name).put("image", run.image());
        ArrayNode mounts = container.putArray("volumeMounts");
        mounts.addObject().put("name", "results").put("mountPath", RESULTS);
        if (!run.files().isEmpty() && name.equals("shard")) {
            mounts.addObject().put("name", "files").put("mountPath", FILES).put("readOnly", true);
            container.put("workingDir", FILES); // the LOAD-ARGS name the files by their names
        }
        ObjectNode security = container.putObject("securityContext").put("allowPrivilegeEscalation", false);
        security.putObject("capabilities").putArray("drop").add("ALL");
        return container;
    }

    /** Prefer a node of its own for each shard: load from one machine is what sharding is meant to avoid. */
    private JsonNode spreadOverNodes() {
        ObjectNode term = NODES.objectNode().put("weight", 100);
        ObjectNode affinity = term.putObject("podAffinityTerm").put("topologyKey", "kubernetes.io/hostname");
        affinity.putObject("labelSelector").set("matchLabels", labels("shard"));
        ObjectNode anti = NODES.objectNode();
        anti.putArray("preferredDuringSchedulingIgnoredDuringExecution").add(term);
        return anti;
    }

    private ObjectNode object(String apiVersion, String kind, String name, String component) {
        ObjectNode object = NODES.objectNode().put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode metadata = object.putObject("metadata").put("name", name);
        if (run.namespace() != null) metadata.put("namespace", run.namespace());
        metadata.set("labels", labels(component));
        metadata.putObject("annotations").put("keelson.dev/run-id", run.runId());
        return object;
    }

    private ObjectNode labels(String component) {
        return NODES.objectNode()
                .put("app.kubernetes.io/name", "keelson-load")
                .put("app.kubernetes.io/instance", run.name())
                .put("app.kubernetes.io/component", component);
    }
}
