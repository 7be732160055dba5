package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drafts from the reference service's own OpenAPI document (its /v3/api-docs, saved from a running instance at this
 * commit: springdoc 3, OpenAPI 3.1) and from a HAR recording, each read back by the scenario reader.
 */
class ScenarioDraftTest {
    @TempDir
    Path dir;

    private static String resource(String name) throws IOException {
        try (InputStream in = ScenarioDraftTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes the draft as {@code keelson load init} does and reads it back with the scenario reader. */
    private Scenario roundTrip(ScenarioDraft draft, String name) throws IOException {
        String feed = draft.feed().isEmpty() ? null : name + ".csv";
        if (feed != null) Files.writeString(dir.resolve(feed), draft.feedCsv());
        return Scenario.load(Files.writeString(dir.resolve(name + ".yaml"), draft.yaml("test", feed)));
    }

    @Test
    void theReferenceServicesDocumentGivesOneStepPerOperationThatTheScenarioReaderAccepts() throws IOException {
        ScenarioDraft draft =
                ScenarioDraft.fromOpenApi(resource("reference-service-api-docs.json"), "api-docs.json", null, null);

        assertThat(draft.target()).isEqualTo(URI.create("http://127.0.0.1:18923"));
        assertThat(draft.steps()).hasSize(19);
        assertThat(draft.feed()).containsOnlyKeys("token", "id");
        ScenarioDraft.DraftStep cancel = step(draft, "cancel");
        assertThat(cancel.method()).isEqualTo("POST");
        assertThat(cancel.path()).isEqualTo("/api/v1/orders/${id}/cancel");
        assertThat(cancel.headers()).containsExactlyEntriesOf(java.util.Map.of("Authorization", "Bearer ${token}"));
        assertThat(cancel.expect()).isEqualTo(200);
        ScenarioDraft.DraftStep login = step(draft, "login");
        assertThat(login.headers())
                .doesNotContainKey("Authorization")
                .containsEntry("Content-Type", "application/json");
        assertThat(login.body()).startsWith("{").contains("\"email\"").contains("\"password\"");
        assertThat(step(draft, "create").expect()).isEqualTo(201);

        Scenario scenario = roundTrip(draft, "reference");
        assertThat(scenario.steps()).extracting(Step::name).contains("list", "create", "cancel", "login");
        assertThat(scenario.feed()).hasSize(1);
        assertThat(scenario.feed().get(0)).containsEntry("token", "REPLACE_WITH_A_TOKEN");
    }

    @Test
    void aRelativeServerIsResolvedAgainstTheUrlTheDocumentCameFromAndTargetOverridesIt() {
        String doc = "openapi: 3.0.3\nservers: [{url: /base}]\npaths:\n  /things/{thing-id}:\n    get:\n"
                + "      parameters:\n        - {name: thing-id, in: path, required: true, schema: {type: integer}}\n"
                + "        - {name: q, in: query, required: true, schema: {type: string, example: a b}}\n"
                + "      responses: {'200': {description: ok}}\n";

        ScenarioDraft fetched = ScenarioDraft.fromOpenApi(doc, "x", URI.create("http://svc:9000/v3/api-docs"), null);
        assertThat(fetched.target()).isEqualTo(URI.create("http://svc:9000"));
        assertThat(fetched.steps().get(0).path()).isEqualTo("/base/things/${thing-id}?q=a+b");
        assertThat(fetched.feed()).containsEntry("thing-id", "1");

        ScenarioDraft local = ScenarioDraft.fromOpenApi(doc, "x", null, URI.create("https://api.example.com"));
        assertThat(local.target()).isEqualTo(URI.create("https://api.example.com"));
        assertThat(local.steps().get(0).path()).isEqualTo("/things/${thing-id}?q=a+b");
        assertThat(local.steps().get(0).name()).isEqualTo("GET /things/{thing-id}");
    }

    @Test
    void whatIsNotAnOpenApi3DocumentIsRefusedNamingTheProblem() {
        assertThatThrownBy(
                        () -> ScenarioDraft.fromOpenApi("{\"openapi\": \"3.0.0\", \"paths\": {", "a.json", null, null))
                .isInstanceOf(LoadException.class)
                .hasMessageStartingWith("a.json is not valid JSON (line 1): ")
                .extracting(e -> ((LoadException) e).code())
                .isEqualTo(LoadErrorCode.BAD_SOURCE);
        assertThatThrownBy(() -> ScenarioDraft.fromOpenApi("swagger: '2.0'\npaths: {}\n", "b.yaml", null, null))
                .hasMessage("b.yaml is Swagger 2.0, not OpenAPI 3: convert it first (e.g. with swagger-converter), or"
                        + " give the service's /v3/api-docs");
        assertThatThrownBy(() -> ScenarioDraft.fromOpenApi("name: not an api\n", "c.yaml", null, null))
                .hasMessage("c.yaml is not an OpenAPI 3 document: it has no 'openapi: 3.x' field at the top");
        assertThatThrownBy(() -> ScenarioDraft.fromOpenApi("openapi: 3.1.0\npaths: {}\n", "d.yaml", null, null))
                .hasMessage("d.yaml has no operations under 'paths': nothing to draft");
    }

    @Test
    void aHarRecordingGivesOneScenarioPerHostWithoutCredentials() throws IOException {
        List<ScenarioDraft> drafts = ScenarioDraft.fromHar(resource("har/shop.har"), "shop.har", false);

        assertThat(drafts)
                .extracting(d -> d.target().toString())
                .containsExactly("https://shop.example.com", "https://cdn.example.net");
        ScenarioDraft shop = drafts.get(0);
        assertThat(shop.steps())
                .extracting(ScenarioDraft.DraftStep::name)
                .containsExactly("GET /api/products", "POST /api/cart", "GET /api/products #2", "POST /login");
        assertThat(shop.steps().get(0).path()).isEqualTo("/api/products?page=1");
        assertThat(shop.steps().get(0).headers())
                .containsOnlyKeys("Accept", "User-Agent"); // no pseudo-header, Accept-Encoding or Cookie
        assertThat(shop.steps().get(1).headers()).containsOnlyKeys("Content-Type");
        assertThat(shop.steps().get(1).body()).isEqualTo("{\"sku\":\"ABC-1\",\"quantity\":2}");
        assertThat(shop.steps().get(3).body()).isEqualTo("user=ada%40example.com&pass=s3cret%26more");
        assertThat(shop.steps().get(3).headers()).containsEntry("Content-Type", "application/x-www-form-urlencoded");
        assertThat(shop.notes())
                .anySatisfy(n -> assertThat(n)
                        .contains("[Authorization, Cookie, X-CSRF-Token]")
                        .contains("--keep-credentials"));
        assertThat(roundTrip(shop, "shop").steps()).hasSize(4);

        ScenarioDraft kept = ScenarioDraft.fromHar(resource("har/shop.har"), "shop.har", true)
                .get(0);
        assertThat(kept.steps().get(1).headers()).containsKeys("Authorization", "X-CSRF-Token");
    }

    @Test
    void whatIsNotAHarRecordingIsRefusedNamingTheProblem() {
        assertThatThrownBy(() -> ScenarioDraft.fromHar("{\"log\": [", "x.har", false))
                .hasMessageStartingWith("x.har is not valid JSON (line 1): ");
        assertThatThrownBy(() -> ScenarioDraft.fromHar("{\"entries\": []}", "y.har", false))
                .hasMessage("y.har is not a HAR recording: it has no log.entries array (save one from the browser's"
                        + " network panel: Save all as HAR)");
        assertThatThrownBy(() -> ScenarioDraft.fromHar("{\"log\": {\"entries\": []}}", "z.har", false))
                .hasMessage("z.har has no http:// or https:// requests to draft from");
    }

    private static ScenarioDraft.DraftStep step(ScenarioDraft draft, String name) {
        return draft.steps().stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
