package dev.keelson.reference.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Job;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The manifests of {@code deploy/kubernetes}, checked without a cluster (none runs where this is built): every
 * document against the Kubernetes API schema, through the models of the official Kubernetes Java client (generated
 * from the API's OpenAPI description; their {@code validateJsonElement} refuses unknown and missing fields), then
 * the ways the documents must fit together and the practices a production deployment needs.
 */
class KubernetesManifestsTest {
    private static final Path DIR = Path.of("deploy/kubernetes");
    private static final Map<String, SchemaCheck> SCHEMAS = Map.of(
            "apps/v1 Deployment", V1Deployment::validateJsonElement,
            "v1 Service", V1Service::validateJsonElement,
            "v1 ConfigMap", V1ConfigMap::validateJsonElement,
            "autoscaling/v2 HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::validateJsonElement,
            "policy/v1 PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement,
            "batch/v1 Job", V1Job::validateJsonElement);

    private final Gson gson = new Gson();

    @Test
    void everyDocumentFitsTheKubernetesApiSchema() throws IOException {
        List<Map<String, Object>> documents = documents();

        assertThat(documents)
                .extracting(KubernetesManifestsTest::kind)
                .containsExactlyInAnyOrderElementsOf(SCHEMAS.keySet());
        for (Map<String, Object> document : documents) {
            SCHEMAS.get(kind(document)).check(gson.toJsonTree(document));
        }
    }

    @Test
    void theSchemaCheckRefusesAMisspeltOrMisplacedField() throws IOException {
        Map<String, Object> deployment = only("apps/v1 Deployment");
        Map<String, Object> spec = map(deployment, "spec");
        spec.put("replica", spec.remove("replicas"));

        assertThatThrownBy(() -> V1Deployment.validateJsonElement(gson.toJsonTree(deployment)))
                .hasMessageContaining("`replica`");
    }

    @Test
    void theKustomizationAppliesEveryManifestButTheMigrationJob() throws IOException {
        Map<String, Object> kustomization =
                load(DIR.resolve("kustomization.yaml")).getFirst();
        Set<String> manifests = new TreeSet<>();
        try (Stream<Path> files = Files.list(DIR)) {
            files.map(f -> f.getFileName().toString())
                    .filter(f ->
                            f.endsWith(".yaml") && !f.equals("kustomization.yaml") && !f.equals("migrate-job.yaml"))
                    .forEach(manifests::add);
        }

        assertThat(list(kustomization, "resources")).containsExactlyInAnyOrderElementsOf(manifests);
    }

    @Test
    void theServiceTheAutoscalerAndTheDisruptionBudgetAllFindTheDeploymentsPods() throws IOException {
        Map<String, Object> deployment = only("apps/v1 Deployment");
        Map<String, Object> podLabels = map(map(map(deployment, "spec"), "template"), "metadata");
        Object labels = podLabels.get("labels");
        String name = (String) map(deployment, "metadata").get("name");

        assertThat(map(map(deployment, "spec"), "selector").get("matchLabels")).isEqualTo(labels);
        assertThat(map(only("v1 Service"), "spec").get("selector")).isEqualTo(labels);
        assertThat(map(map(only("policy/v1 PodDisruptionBudget"), "spec"), "selector")
                        .get("matchLabels"))
                .isEqualTo(labels);
        assertThat(map(map(only("autoscaling/v2 HorizontalPodAutoscaler"), "spec"), "scaleTargetRef"))
                .containsEntry("kind", "Deployment")
                .containsEntry("name", name);
        List<Object> ports = list(container(deployment), "ports");
        assertThat(ports).extracting(p -> field(p, "name")).contains("http");
        assertThat(list(map(only("v1 Service"), "spec"), "ports"))
                .extracting(p -> field(p, "targetPort"))
                .containsOnly("http");
    }

    @Test
    void theDeploymentProbesRunsAsNonRootBoundsItsResourcesAndStopsGracefully() throws IOException {
        Map<String, Object> deployment = only("apps/v1 Deployment");
        Map<String, Object> pod = map(map(deployment, "spec"), "template");
        Map<String, Object> container = container(deployment);

        assertThat(map(map(container, "startupProbe"), "httpGet")).containsEntry("path", "/health/live");
        assertThat(map(map(container, "livenessProbe"), "httpGet")).containsEntry("path", "/health/live");
        assertThat(map(map(container, "readinessProbe"), "httpGet")).containsEntry("path", "/health/ready");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            // the prod profile (ConfigMap) serves Actuator on the management port only: ProductionProfile
            assertThat(map(map(container, probe), "httpGet")).as(probe).containsEntry("port", "management");
        }
        assertThat(list(container, "ports")).extracting(p -> field(p, "name")).contains("management");
        assertThat(map(map(pod, "spec"), "securityContext")).containsEntry("runAsNonRoot", true);
        assertThat(map(container, "securityContext"))
                .containsEntry("allowPrivilegeEscalation", false)
                .containsEntry("readOnlyRootFilesystem", true);
        assertThat(map(map(container, "resources"), "requests")).containsKeys("cpu", "memory");
        assertThat(map(map(container, "resources"), "limits")).containsKey("memory");
        assertThat(map(map(container, "lifecycle"), "preStop")).isNotEmpty();
        assertThat((Integer) map(pod, "spec").get("terminationGracePeriodSeconds"))
                .as("longer than the preStop pause plus Spring's 20 s shutdown phase")
                .isGreaterThan(30);
        assertThat(list(container, "envFrom"))
                .extracting(e -> (Object) ((Map<?, ?>) e).keySet().iterator().next())
                .contains("configMapRef", "secretRef");
    }

    @Test
    void theMigrationJobRunsKeelsonDbMigrateOnTheServicesOwnMigrations() throws IOException {
        Map<String, Object> job = only("batch/v1 Job");
        Map<String, Object> pod = map(map(map(job, "spec"), "template"), "spec");
        Map<String, Object> copy = first(list(pod, "initContainers"));
        Map<String, Object> migrate = first(list(pod, "containers"));
        String serviceImage = (String) container(only("apps/v1 Deployment")).get("image");

        assertThat(copy.get("image")).isEqualTo(serviceImage);
        assertThat(list(copy, "command")).contains("/app/BOOT-INF/classes/db/migration/.");
        assertThat(list(migrate, "args")).containsExactly("db", "migrate", "--dir", "/migrations");
        assertThat(list(migrate, "env"))
                .extracting(e -> field(e, "name"))
                .containsExactlyInAnyOrder("KEELSON_DB_URL", "KEELSON_DB_USER", "KEELSON_DB_PASSWORD");
        assertThat(Path.of("src/main/resources/db/migration")).isDirectory();
        assertThat(map(only("v1 ConfigMap"), "data"))
                .containsKey("SPRING_DATASOURCE_URL")
                .containsEntry("SPRING_PROFILES_ACTIVE", "prod")
                .as("instances leave the schema to the Job")
                .containsEntry("REFERENCE_DATABASE_MIGRATE_ON_START", "false");
        assertThat(Files.readString(Path.of("src/main/resources/application.yaml")))
                .containsPattern("database:\\s+embedded-dir: [^\\n]+\\s+migrate-on-start: true");
    }

    @FunctionalInterface
    private interface SchemaCheck {
        void check(JsonElement json) throws IOException;
    }

    private static List<Map<String, Object>> documents() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                if (!file.endsWith("kustomization.yaml")) {
                    documents.addAll(load(file));
                }
            }
        }
        return documents;
    }

    private static Map<String, Object> only(String kind) throws IOException {
        List<Map<String, Object>> found =
                documents().stream().filter(d -> kind(d).equals(kind)).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.getFirst();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> load(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }

    private static String kind(Map<String, Object> document) {
        return document.get("apiVersion") + " " + document.get("kind");
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        return first(list(map(map(map(deployment, "spec"), "template"), "spec"), "containers"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    private static Object field(Object map, String key) {
        return ((Map<?, ?>) map).get(key);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> first(List<Object> list) {
        assertThat(list).isNotEmpty();
        return (Map<String, Object>) list.getFirst();
    }
}
