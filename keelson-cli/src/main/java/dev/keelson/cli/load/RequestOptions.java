package dev.keelson.cli.load;

import dev.keelson.cli.CliEnvironment;
import dev.keelson.load.LoadErrorCode;
import dev.keelson.load.LoadException;
import dev.keelson.load.LoadTest;
import dev.keelson.load.Protocol;
import dev.keelson.load.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** What to send: a URL with method, headers, body and auth, or a scenario file. */
final class RequestOptions {
    @Option(
            names = {"--method", "-X"},
            paramLabel = "METHOD",
            description = "HTTP method; default GET, or POST with --data.")
    String method;

    @Option(
            names = {"--header", "-H"},
            paramLabel = "'NAME: VALUE'",
            description = "A request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(
            names = "--data",
            paramLabel = "TEXT|@FILE",
            description =
                    "Request body, or @FILE to send a file's bytes (Content-Type from its extension unless -H gives one).")
    String data;

    @Option(
            names = "--auth",
            paramLabel = "bearer:TOKEN|basic:USER:PASS",
            description = "Adds an Authorization header.")
    String auth;

    @Option(
            names = "--insecure",
            description = "Accept any TLS certificate for any host name (self-signed test servers).")
    boolean insecure;

    @Option(
            names = "--cacert",
            paramLabel = "FILE",
            description = "Trust the certificate authorities in this PEM file instead of the JDK's.")
    String caCert;

    @Option(
            names = "--http2",
            description = "Speak HTTP/2: h2 agreed by ALPN over https://, h2c with prior knowledge over http://.")
    boolean http2;

    @Option(names = "--http1.1", description = "Speak HTTP/1.1 (the default; over https:// it is offered by ALPN).")
    boolean http11;

    @Option(
            names = "--streams",
            paramLabel = "N",
            description = "With --http2: requests in flight at once on each connection, each stream a virtual user of"
                    + " its own (default 1, as h2load's -m).")
    Integer streams;

    @Option(names = "--scenario", paramLabel = "FILE", description = "A YAML scenario: several steps per virtual user.")
    String scenario;

    void applyTo(LoadTest.Builder builder, String url, CliEnvironment env) {
        builder.insecure(insecure);
        if (http2 && http11) throw usage("give --http2 or --http1.1, not both");
        if (streams != null && !http2) {
            throw usage("--streams needs --http2: HTTP/1.1 sends one request at a time per connection (use --users)");
        }
        if (streams != null && streams < 1) throw usage("--streams must be at least 1, got " + streams);
        builder.protocol(http2 ? Protocol.HTTP_2 : Protocol.HTTP_1_1);
        if (streams != null) builder.streams(streams);
        if (caCert != null) {
            Path file = env.resolve(caCert);
            if (!Files.isRegularFile(file)) throw usage("--cacert " + caCert + ": " + file + " does not exist");
            builder.trustedCertificates(file);
        }
        if (scenario != null) {
            if (url != null) throw usage("give either a URL or --scenario, not both");
            if (data != null || method != null || !headers.isEmpty() || auth != null) {
                throw usage("--method, --header, --data and --auth apply to a URL; a scenario sets them per step");
            }
            builder.scenario(Scenario.load(env.resolve(scenario)));
            return;
        }
        if (url == null) throw new LoadException(LoadErrorCode.BAD_URL, "give the URL to load, or --scenario FILE");
        builder.url(url).method(method != null ? method : (data != null ? "POST" : "GET"));
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon < 1) throw usage("--header '" + header + "' must look like 'Name: value'");
            builder.header(
                    header.substring(0, colon).trim(),
                    header.substring(colon + 1).trim());
        }
        if (auth != null) builder.header("Authorization", authorization(auth));
        if (data != null) {
            RequestBody body = RequestBody.of(data, env);
            if (body.bytes() != null) builder.body(body.bytes());
            else builder.body(body.text());
            boolean typed =
                    headers.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("content-type:"));
            if (body.contentType() != null && !typed) builder.header("Content-Type", body.contentType());
        }
    }

    private static String authorization(String auth) {
        if (auth.startsWith("bearer:") && auth.length() > 7) return "Bearer " + auth.substring(7);
        if (auth.startsWith("basic:") && auth.indexOf(':', 6) > 6) {
            return "Basic "
                    + Base64.getEncoder().encodeToString(auth.substring(6).getBytes(StandardCharsets.UTF_8));
        }
        throw usage("--auth must be bearer:TOKEN or basic:USER:PASSWORD");
    }

    private static LoadException usage(String message) {
        return new LoadException(LoadErrorCode.BAD_CONFIG, message);
    }
}
