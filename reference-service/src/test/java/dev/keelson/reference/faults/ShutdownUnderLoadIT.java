package dev.keelson.reference.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.AcceptedRequests;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceInstance;
import dev.keelson.reference.testing.TestPostgres;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 16 clients read and write (with {@code Idempotency-Key}) as fast as they can while the instance is stopped as a
 * deployment stops it (graceful shutdown). Every request the application began to handle must be answered in full;
 * requests it never took (refused connections, Tomcat's 503 on a kept-alive connection once shutdown began) are the
 * load balancer's to send elsewhere.
 */
class ShutdownUnderLoadIT {
    private static final int CLIENTS = 16;
    private static final Map<String, Object> ORDER =
            Map.of("currency", "EUR", "lines", List.of(Map.of("product", "Tea", "quantity", 1, "unitPrice", "1.00")));
    static final String ORDER_JSON =
            "{\"currency\":\"EUR\",\"lines\":[{\"product\":\"Tea\",\"quantity\":1,\"unitPrice\":\"1.00\"}]}";

    /** What each client saw. */
    private final Map<String, Integer> answered = new ConcurrentHashMap<>();
    /** Answers other than 200, 201 and Tomcat's 503, with their bodies: what to look at when the test fails. */
    private final Map<String, String> unexpected = new ConcurrentHashMap<>();

    private final Set<String> failedAfterSending = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();

    @Test
    void stoppingTheInstanceUnderLoadLosesNoRequestItAccepted() throws Exception {
        TestPostgres.Database db = TestPostgres.create();
        try {
            ServiceInstance instance = ServiceInstance.start(
                    db, "--keelson.test.record-accepted=true", "--reference.rate-limit.api.capacity=1000000");
            Set<String> accepted = instance.bean(AcceptedRequests.class).ids();
            Session user = instance.api().newUser();
            String base = "http://127.0.0.1:" + instance.port() + "/api/v1/orders";
            String order = instance.api()
                    .post("/api/v1/orders")
                    .token(user.accessToken())
                    .json(ORDER)
                    .send()
                    .json()
                    .at("/data/id")
                    .asString();

            AtomicBoolean running = new AtomicBoolean(true);
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < CLIENTS; i++) {
                    boolean writer = i % 4 == 0;
                    clients.submit(() -> load(running, writer ? base : base + "/" + order, writer, user));
                }
                Thread.sleep(2_000);
                instance.close(); // graceful: waits for the requests in flight
                running.set(false);
                clients.shutdown();
                assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            }

            System.out.printf(
                    "[shutdown under load] accepted %d, answered %d, refused %d, failed after sending %d%n",
                    accepted.size(), answered.size(), refused.get(), failedAfterSending.size());
            assertThat(answered).as("requests answered before the stop").isNotEmpty();
            for (String id : accepted) {
                assertThat(answered).as("accepted request %s", id).containsKey(id);
            }
            assertThat(unexpected)
                    .as("answers other than 200 and 201 (request id: status, headers, body)")
                    .isEmpty();
            long orders = JdbcClient.create(db.dataSource())
                    .sql("SELECT count(*) FROM orders")
                    .query(Long.class)
                    .single();
            assertThat(orders)
                    .as("orders in the database = 1 + those whose 201 arrived")
                    .isEqualTo(1 + created.get());
        } finally {
            db.drop();
        }
    }

    private void load(AtomicBoolean running, String url, boolean writer, Session user) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (running.get()) {
            String id = UUID.randomUUID().toString();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + user.accessToken())
                    .header("X-Request-Id", id);
            if (writer) {
                request.header("Content-Type", "application/json")
                        .header("Idempotency-Key", id)
                        .POST(HttpRequest.BodyPublishers.ofString(ORDER_JSON));
            }
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 503) {
                    refused.incrementAndGet(); // Tomcat, pausing, refused it on a kept-alive connection
                } else {
                    answered.put(id, status);
                    if (status == 201) {
                        created.incrementAndGet();
                    } else if (status != 200) {
                        unexpected.put(id, status + " " + response.headers().map() + " " + response.body());
                    }
                }
            } catch (ConnectException e) {
                refused.incrementAndGet();
            } catch (IOException e) {
                failedAfterSending.add(id);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
