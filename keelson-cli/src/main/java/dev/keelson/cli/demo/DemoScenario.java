package dev.keelson.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's {@code keelson load} scenario: each virtual user registers a new account (one CSV row each), logs in,
 * places two orders and lists them. The run stops after {@link #requests()}; when it does, the users that were
 * mid-iteration have started more iterations than the count, so the users file has twice as many rows: no email is
 * used twice. Emails carry the run's id, so a database kept from an earlier run does not refuse them.
 */
record DemoScenario(Path scenario, Path users, int iterations) {
    static final int STEPS = 5;

    static DemoScenario write(Path dir, String baseUrl, String runId, int iterations) throws IOException {
        Path users = dir.resolve("demo-users.csv");
        List<String> rows = new ArrayList<>(List.of("email,password"));
        for (int i = 1; i <= 2 * iterations; i++) {
            rows.add("demo-" + runId + "-" + i + "@example.com,correct horse battery staple " + i);
        }
        Files.write(users, rows);
        Path scenario = dir.resolve("demo-scenario.yaml");
        Files.writeString(scenario, """
                # keelson demo's load scenario: keelson load --scenario demo-scenario.yaml runs it again
                target: %s
                feed: demo-users.csv
                steps:
                  - name: register
                    method: POST
                    path: /api/v1/auth/register
                    headers:
                      Content-Type: application/json
                    body: '{"email":"${email}","password":"${password}","displayName":"Demo user"}'
                    expect: 201
                  - name: log in
                    method: POST
                    path: /api/v1/auth/login
                    headers:
                      Content-Type: application/json
                    body: '{"email":"${email}","password":"${password}"}'
                    expect: 200
                    extract:
                      token: /data/accessToken
                  - name: place an order
                    method: POST
                    path: /api/v1/orders
                    headers:
                      Authorization: Bearer ${token}
                      Content-Type: application/json
                    body: '{"currency":"EUR","lines":[{"product":"Tea","quantity":3,"unitPrice":"0.10"}]}'
                    expect: 201
                  - name: place another order
                    method: POST
                    path: /api/v1/orders
                    headers:
                      Authorization: Bearer ${token}
                      Content-Type: application/json
                    body: '{"currency":"EUR","note":"by the door","lines":[{"product":"Teapot","quantity":1,"unitPrice":"19.99"}]}'
                    expect: 201
                  - name: list orders
                    path: /api/v1/orders?limit=20
                    headers:
                      Authorization: Bearer ${token}
                    expect: 200
                """.formatted(baseUrl));
        return new DemoScenario(scenario, users, iterations);
    }

    /** The requests of the whole run: every step of every iteration. */
    long requests() {
        return (long) iterations * STEPS;
    }
}
