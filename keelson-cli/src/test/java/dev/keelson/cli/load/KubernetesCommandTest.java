package dev.keelson.cli.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.keelson.cli.DocumentedShapes;
import dev.keelson.cli.InProcessKeelson;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code keelson load kubernetes}: its manifests, checked without a cluster (none runs where this is built) against
 * the Kubernetes API schema through the models of the official Kubernetes Java client, whose
 * {@code validateJsonElement} refuses unknown and missing fields (as reference-service's KubernetesManifestsTest
 * does for deploy/kubernetes), then for what they must do. {@code ShardProcessesIT} runs their commands.
 */
class KubernetesCommandTest {
    private static final Map<String, SchemaCheck> SCHEMAS = Map.of(
            "v1 PersistentVolumeClaim", V1PersistentVolumeClaim::validateJsonElement,
            "v1 ConfigMap", V1ConfigMap::validateJsonElement,
            "batch/v1 Job", V1Job::validateJsonElement);
    private static final String START = "2026-12-07T15:00:00Z";

    @TempDir
    Path dir;

    private InProcessKeelson.Run keelson(String... args) {
        return new InProcessKeelson(dir).run(args);
    }

    /** {@code load kubernetes} for the checkout scenario, with {@code extra} options before the load arguments. */
    private InProcessKeelson.Run checkout(String... extra) throws IOException {
        Files.writeString(dir.resolve("checkout.yaml"), "target: http://api.test:8080\nsteps:\n  - path: /\n");
        Files.write(dir.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, 0});
        List<String> args = new ArrayList<>(List.of(
                "load",
                "kubernetes",
                "--shards",
                "3",
                "--image",
                "registry.example.com/keelson:0.1.0",
                "--name",
                "checkout-load",
                "--namespace",
                "perf",
                "--start-at",
                START,
                "--file",
                "checkout.yaml",
                "--file",
                "logo.png"));
        args.addAll(List.of(extra));
        args.addAll(List.of("--", "--scenario", "checkout.yaml", "--rate", "900", "-d", "5m", "--threshold"));
        args.addAll(List.of("p99<250ms", "--threshold=errors<1%"));
        return keelson(args.toArray(String[]::new));
    }

    private List<ObjectNode> manifests(String... extra) throws IOException {
        InProcessKeelson.Run run = checkout(extra);
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<ObjectNode> documents = new ArrayList<>();
        try (MappingIterator<ObjectNode> docs =
                YAMLMapper.builder().build().readerFor(ObjectNode.class).readValues(run.out())) {
            while (docs.hasNextValue()) documents.add(docs.nextValue());
        }
        return documents;
    }

    @Test
    void everyManifestFitsTheKubernetesApiSchema() throws IOException {
        List<ObjectNode> documents = manifests();

        assertThat(documents)
                .extracting(KubernetesCommandTest::kind)
                .containsExactly("v1 PersistentVolumeClaim", "v1 ConfigMap", "batch/v1 Job", "batch/v1 Job");
        for (ObjectNode document : documents) SCHEMAS.get(kind(document)).check(gson(document));
    }

    @Test
    void theSchemaCheckRefusesAMisspeltField() throws IOException {
        ObjectNode job = manifests().get(2);
        ObjectNode spec = (ObjectNode) job.get("spec");
        spec.set("completion", spec.remove("completions"));

        assertThatThrownBy(() -> V1Job.validateJsonElement(gson(job))).hasMessageContaining("`completion`");
    }

    @Test
    void theShardsAreOneIndexedJobStartingTogetherEachSavingItsResultOnTheVolume() throws IOException {
        ObjectNode job = manifests().get(2);
        JsonNode spec = job.get("spec");
        JsonNode pod = spec.at("/template/spec");
        JsonNode container = pod.at("/containers/0");

        assertThat(job.at("/metadata/name").asString()).isEqualTo("checkout-load");
        assertThat(job.at("/metadata/namespace").asString()).isEqualTo("perf");
        assertThat(spec.get("completionMode").asString()).isEqualTo("Indexed");
        assertThat(spec.get("completions").asInt()).isEqualTo(3);
        assertThat(spec.get("parallelism").asInt()).isEqualTo(3);
        assertThat(spec.get("backoffLimit").asInt()).isZero();
        assertThat(pod.get("restartPolicy").asString()).isEqualTo("Never");
        assertThat(strings(container.get("args")))
                .containsExactly(
                        "load",
                        "--scenario",
                        "checkout.yaml",
                        "--rate",
                        "900",
                        "-d",
                        "5m",
                        "--shard",
                        "job/3",
                        "--start-at",
                        START,
                        "--run-id",
                        "checkout-load-20261207-150000",
                        "--output",
                        "json",
                        "--save",
                        "/results/shard-$(JOB_COMPLETION_INDEX).json");
        assertThat(container.at("/env/0/name").asString()).isEqualTo("JOB_COMPLETION_INDEX");
        assertThat(container.at("/env/0/valueFrom/fieldRef/fieldPath").asString())
                .isEqualTo("metadata.annotations['batch.kubernetes.io/job-completion-index']");
        assertThat(container.get("workingDir").asString()).isEqualTo("/keelson/files");
        assertThat(container.at("/volumeMounts/0/mountPath").asString()).isEqualTo("/results");
        assertThat(pod.at("/volumes/0/persistentVolumeClaim/claimName").asString())
                .isEqualTo("checkout-load-results");
        assertThat(pod.at("/volumes/1/configMap/name").asString()).isEqualTo("checkout-load-files");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.at("/resources/requests/cpu").asString()).isEqualTo("1");
        assertThat(pod.at("/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/0"
                                + "/podAffinityTerm/topologyKey")
                        .asString())
                .isEqualTo("kubernetes.io/hostname");
    }

    @Test
    void theMergeJobWaitsForEveryShardAndChecksTheThresholdsOnTheMergedResult() throws IOException {
        List<ObjectNode> documents = manifests("--merge-wait", "45m");
        JsonNode merge = documents.get(3);

        assertThat(merge.at("/metadata/name").asString()).isEqualTo("checkout-load-merge");
        assertThat(strings(merge.at("/spec/template/spec/containers/0/args")))
                .containsExactly(
                        "load",
                        "merge",
                        "--wait",
                        "45m",
                        "/results/shard-0.json",
                        "/results/shard-1.json",
                        "/results/shard-2.json",
                        "--threshold",
                        "p99<250ms",
                        "--threshold",
                        "errors<1%",
                        "--output",
                        "json",
                        "--save",
                        "/results/merged.json");
        assertThat(documents.get(0).at("/spec/accessModes/0").asString()).isEqualTo("ReadWriteMany");
        assertThat(documents.get(1).at("/data/checkout.yaml").asString()).startsWith("target: http://api.test");
        assertThat(documents.get(1).at("/binaryData/logo.png").asString()).isEqualTo("iVBOR/8A");
    }

    @Test
    void theJsonFormatHoldsTheSameManifestsInTheDocumentedShape() throws IOException {
        List<ObjectNode> yaml = manifests();
        InProcessKeelson.Run run = checkout("--format", "json");

        JsonNode doc = DocumentedShapes.assertShape("load kubernetes", run.out());
        assertThat(doc.get("shards").asInt()).isEqualTo(3);
        assertThat(doc.get("runId").asString()).isEqualTo("checkout-load-20261207-150000");
        assertThat(doc.get("startAt").asString()).isEqualTo(START);
        assertThat(doc.get("manifests")).containsExactlyElementsOf(yaml);
    }

    @Test
    void optionsTheManifestsSetOrALoadCommandLineThatDoesNotParseAreRefusedBeforeAnythingIsWritten() {
        InProcessKeelson.Run shard = keelson(
                "load", "kubernetes", "--shards", "2", "--image", "k", "--", "http://a.test/", "--shard", "1/2");
        assertThat(shard.exitCode()).isEqualTo(2);
        assertThat(shard.err())
                .startsWith("error [BAD_CONFIG]: --shard in the LOAD-ARGS: the manifests set it")
                .contains("leave it out");
        assertThat(shard.out()).isEmpty();

        InProcessKeelson.Run unknown =
                keelson("load", "kubernetes", "--shards", "2", "--image", "k", "--", "http://a.test/", "--usres", "5");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err())
                .contains("the LOAD-ARGS are not a 'keelson load' command line: Unknown options: '--usres', '5'");

        InProcessKeelson.Run none = keelson("load", "kubernetes", "--shards", "2", "--image", "k");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("give the load's arguments after --");

        InProcessKeelson.Run name =
                keelson("load", "kubernetes", "--shards", "2", "--image", "k", "--name", "Load_1", "--", "http://a/");
        assertThat(name.exitCode()).isEqualTo(2);
        assertThat(name.err()).contains("--name 'Load_1' is not a Kubernetes name");

        InProcessKeelson.Run missing =
                keelson("load", "kubernetes", "--shards", "2", "--image", "k", "--file", "nope.csv", "--", "http://a/");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--file nope.csv cannot be read: no such file");

        InProcessKeelson.Run image = keelson("load", "kubernetes", "--shards", "2", "--", "http://a/");
        assertThat(image.exitCode()).isEqualTo(2);
        assertThat(image.err()).contains("Missing required option: '--image=IMAGE'");
    }

    @Test
    void withoutStartAtTheShardsStartAFewMinutesAfterTheManifestsWereWritten() throws IOException {
        InProcessKeelson.Run run = keelson(
                "load",
                "kubernetes",
                "--shards",
                "2",
                "--image",
                "k",
                "--start-in",
                "5m",
                "--format",
                "json",
                "--",
                "http://a.test/");

        JsonNode doc = DocumentedShapes.assertShape("load kubernetes", run.out());
        java.time.Instant start = java.time.Instant.parse(doc.get("startAt").asString());
        assertThat(java.time.Duration.between(java.time.Instant.now(), start))
                .isBetween(java.time.Duration.ofMinutes(4), java.time.Duration.ofMinutes(5));
        assertThat(doc.get("runId").asString()).startsWith("keelson-load-").hasSize("keelson-load-".length() + 15);
    }

    @FunctionalInterface
    private interface SchemaCheck {
        void check(JsonElement json) throws IOException;
    }

    private static JsonElement gson(JsonNode node) {
        return JsonParser.parseString(node.toString());
    }

    private static String kind(JsonNode document) {
        return document.get("apiVersion").asString() + " "
                + document.get("kind").asString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
