package dev.keelson.reference.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the service under test (JDK {@link HttpClient}), with the API's common moves. */
public final class Api {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client;
    private final String base;

    public Api(int port) {
        this("http://127.0.0.1:" + port, HttpClient.newBuilder());
    }

    /** A client of {@code base} ({@code https://127.0.0.1:8443}) built from {@code client} (with its TLS settings). */
    public Api(String base, HttpClient.Builder client) {
        this.base = base;
        this.client = client.connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A response with its body parsed as JSON when it has one. */
    public record Reply(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A fluent request: {@code api.post("/api/v1/orders").json(body).token(t).send()}. */
    public final class Call {
        private final HttpRequest.Builder builder;
        private final String method;
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        Call(String method, String path) {
            this.method = method;
            this.builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        }

        public Call json(Object value) {
            return raw(value instanceof String s ? s : JSON.writeValueAsString(value), "application/json");
        }

        public Call raw(String content, String contentType) {
            body = HttpRequest.BodyPublishers.ofString(content);
            builder.header("Content-Type", contentType);
            return this;
        }

        /** Sends {@code accessToken} as the bearer token; {@code null} (a session without tokens) sends none. */
        public Call token(String accessToken) {
            return accessToken == null ? this : header("Authorization", "Bearer " + accessToken);
        }

        public Call header(String name, String value) {
            builder.header(name, value);
            return this;
        }

        public Reply send() {
            try {
                HttpResponse<String> response =
                        client.send(builder.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call patch(String path) {
        return new Call("PATCH", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    public Call method(String method, String path) {
        return new Call(method, path);
    }

    /**
     * A client of the API, as the tests' callers: a user with a unique email, and with auth signed in after a fresh
     * registration (its tokens; {@code null} without auth, where every call is anonymous).
     */
    public record Session(String email, String password, String accessToken, String refreshToken) {}

    /** A new client: a new user, registered and signed in (with auth: its email address verified). */
    public Session newUser() {
        return newUser(null);
    }

    /**
     * A new client; with auth, a user registered and signed in as if from {@code clientAddress}
     * ({@code X-Forwarded-For}, believed when the service trusts the test client as a proxy), so sign-in rate limits
     * of other addresses are not touched.
     */
    public Session newUser(String clientAddress) {
        Session session =
                new Session("user-" + UUID.randomUUID() + "@example.com", "correct horse battery staple", null, null);
        for (TestFeature feature : TestFeature.present()) {
            session = feature.newClient(this, session, clientAddress);
        }
        return session;
    }

    public static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }
}
