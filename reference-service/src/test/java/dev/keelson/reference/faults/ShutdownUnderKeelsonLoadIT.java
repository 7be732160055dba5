package dev.keelson.reference.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.load.ErrorKind;
import dev.keelson.load.LoadResult;
import dev.keelson.load.LoadTest;
import dev.keelson.load.Scenario;
import dev.keelson.load.Step;
import dev.keelson.reference.testing.AcceptedRequests;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceInstance;
import dev.keelson.reference.testing.TestPostgres;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 5's graceful-shutdown check as an operator runs it: a {@code keelson load} run (the engine behind the
 * command, through its Java API) reads and writes orders over 16 keep-alive connections, and the instance is stopped
 * gracefully in the middle of it. Nothing the application began to handle may be lost: the 200s and 201s the load
 * run received add up to exactly the requests the instance accepted, and the orders table holds exactly the orders
 * whose 201 arrived. What the instance never took (Tomcat's 503 on a kept-alive connection once it pauses, refused
 * connections afterwards) is the load balancer's to send elsewhere. ShutdownUnderLoadIT checks the same per request
 * id; this one is reference-service only, as generated projects do not depend on keelson-load.
 */
class ShutdownUnderKeelsonLoadIT {
    @Test
    void aKeelsonLoadRunLosesNoRequestTheStoppedInstanceAccepted() throws Exception {
        TestPostgres.Database db = TestPostgres.create();
        try {
            ServiceInstance instance = ServiceInstance.start(
                    db, "--keelson.test.record-accepted=true", "--reference.rate-limit.api.capacity=1000000");
            AcceptedRequests accepted = instance.bean(AcceptedRequests.class);
            Session user = instance.api().newUser();
            String order = instance.api()
                    .post("/api/v1/orders")
                    .token(user.accessToken())
                    .raw(ShutdownUnderLoadIT.ORDER_JSON, "application/json")
                    .send()
                    .json()
                    .at("/data/id")
                    .asString();
            String bearer = "Bearer " + user.accessToken();
            Scenario readAndWrite = new Scenario(
                    URI.create("http://127.0.0.1:" + instance.port()),
                    List.of(
                            new Step(
                                    "read",
                                    "GET",
                                    "/api/v1/orders/" + order,
                                    Map.of("Authorization", bearer),
                                    null,
                                    0,
                                    Map.of(),
                                    Duration.ZERO),
                            new Step(
                                    "write",
                                    "POST",
                                    "/api/v1/orders",
                                    Map.of("Authorization", bearer, "Content-Type", "application/json"),
                                    ShutdownUnderLoadIT.ORDER_JSON,
                                    0,
                                    Map.of(),
                                    Duration.ZERO)),
                    null);
            LoadTest load = LoadTest.configure()
                    .scenario(readAndWrite)
                    .users(16)
                    .threads(1)
                    .duration(Duration.ofSeconds(6))
                    .timeout(Duration.ofSeconds(30))
                    .build();

            long acceptedBefore = accepted.count();
            CompletableFuture<LoadResult> running = CompletableFuture.supplyAsync(load::run);
            Thread.sleep(2_000);
            instance.close(); // graceful: waits for the requests in flight
            LoadResult result = running.get(60, TimeUnit.SECONDS);
            long acceptedDuringRun = accepted.count() - acceptedBefore;

            Map<Integer, Long> statuses = result.statusCodes();
            long ok = statuses.getOrDefault(200, 0L);
            long created = statuses.getOrDefault(201, 0L);
            System.out.printf(
                    "[keelson load, instance stopped after 2 s] statuses %s, errors %s, accepted %d%n",
                    statuses, result.errorKinds(), acceptedDuringRun);
            assertThat(ok).as("reads answered before the stop").isPositive();
            assertThat(created).as("writes answered before the stop").isPositive();
            assertThat(result.errorKinds().getOrDefault(ErrorKind.CONNECT, 0L))
                    .as("connections refused after the stop (the run outlived the instance)")
                    .isPositive();
            assertThat(statuses.keySet())
                    .as("statuses: 200, 201, and Tomcat's 503 while pausing")
                    .isSubsetOf(200, 201, 503);
            assertThat(ok + created)
                    .as("200s and 201s received = requests the instance accepted")
                    .isEqualTo(acceptedDuringRun);
            long orders = JdbcClient.create(db.dataSource())
                    .sql("SELECT count(*) FROM orders")
                    .query(Long.class)
                    .single();
            assertThat(orders)
                    .as("orders in the database = 1 + those whose 201 arrived")
                    .isEqualTo(1 + created);
        } finally {
            db.drop();
        }
    }
}
