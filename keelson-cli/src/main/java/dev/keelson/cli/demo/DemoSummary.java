package dev.keelson.cli.demo;

import dev.keelson.cli.JsonDocument;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's closing words: where everything is, how to call the service, and what to do next; or the same as one
 * JSON document.
 */
record DemoSummary(
        Path base,
        Path project,
        Path report,
        DemoScenario scenario,
        Path serviceLog,
        String baseUrl,
        boolean serving,
        Duration elapsed) {

    /** The {@code demo} document of docs/cli.md: absolute paths, the service's URL, whether it still runs. */
    String json() {
        ObjectNode doc = JsonDocument.of("demo");
        doc.put("directory", base.toString())
                .put("project", project.toString())
                .put("report", report.toString())
                .put("scenario", scenario.scenario().toString())
                .put("serviceLog", serviceLog.toString())
                .put("baseUrl", baseUrl)
                .put("serving", serving)
                .put("elapsedMs", elapsed.toMillis());
        return JsonDocument.write(doc);
    }

    void print(PrintWriter out) {
        out.println();
        out.println("Demo done in " + Steps.seconds(elapsed) + ". Everything is in " + base + ":");
        out.println("  report       " + base.relativize(report) + "   (open it in a browser)");
        out.println("  service      " + base.relativize(project) + "/   (cd " + base.relativize(project)
                + " && ./mvnw spring-boot:run starts it again, on its own embedded PostgreSQL)");
        out.println("  scenario     " + base.relativize(scenario.scenario()) + "   (keelson load --scenario "
                + base.relativize(scenario.scenario()) + " while the service runs)");
        out.println("  service log  " + base.relativize(serviceLog));
        out.println();
        out.println(
                serving
                        ? "The service runs on " + baseUrl + " with its database; press Ctrl-C to stop both. Try:"
                        : "To call it yourself, keep it running with keelson demo --serve, then:");
        out.println("  curl -s -X POST " + baseUrl + "/api/v1/auth/register -H 'Content-Type: application/json' \\");
        out.println("    -d '{\"email\":\"ada@example.com\",\"password\":\"correct horse battery staple\","
                + "\"displayName\":\"Ada\"}'");
        out.println(
                "  TOKEN=$(curl -s -X POST " + baseUrl + "/api/v1/auth/login -H 'Content-Type: application/json' \\");
        out.println("    -d '{\"email\":\"ada@example.com\",\"password\":\"correct horse battery staple\"}' "
                + "| sed 's/.*\"accessToken\":\"\\([^\"]*\\)\".*/\\1/')");
        out.println("  curl -s -X POST " + baseUrl + "/api/v1/orders -H \"Authorization: Bearer $TOKEN\" "
                + "-H 'Content-Type: application/json' \\");
        out.println(
                "    -d '{\"currency\":\"EUR\",\"lines\":[{\"product\":\"Tea\",\"quantity\":3,\"unitPrice\":\"0.10\"}]}'");
        out.println("  curl -s " + baseUrl + "/api/v1/orders -H \"Authorization: Bearer $TOKEN\"");
        out.println("  Swagger UI: " + baseUrl + "/swagger-ui.html   OpenAPI: " + baseUrl + "/v3/api-docs"
                + "   health: " + baseUrl + "/health/ready");
        out.println();
        out.println("Next: keelson new my-api makes a service of your own (keelson new --help for the options).");
        out.flush();
    }
}
