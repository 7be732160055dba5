package dev.keelson.reference.testing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routes for tests: one fails the way a bug does (what does a 500 look like from outside?), one is slow (does
 * graceful shutdown let it finish?), one runs a slow query (is it cut off?). It lives in the test
 * sources, so the component scan finds it in tests only.
 */
@RestController
class FailingEndpoint {
    private final JdbcClient jdbc;

    FailingEndpoint(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/test/fail")
    String fail() {
        throw new IllegalStateException("secret internal detail: jdbc:postgresql://db-host/prod");
    }

    /** A request that takes a while, to see graceful shutdown let it finish. */
    @GetMapping("/api/v1/test/slow")
    String slow() throws InterruptedException {
        Thread.sleep(1_500);
        return "finished";
    }

    /** A query that takes {@code seconds} in the database, as a missing index or a lock wait would. */
    @GetMapping("/api/v1/test/slow-query")
    String slowQuery(@RequestParam double seconds) {
        jdbc.sql("SELECT pg_sleep(?)").param(seconds).query().listOfRows();
        return "finished";
    }
}
