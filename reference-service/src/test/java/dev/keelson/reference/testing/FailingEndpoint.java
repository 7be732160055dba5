package dev.keelson.reference.testing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Routes for tests: one fails the way a bug does (what does a 500 look like from outside?), one is slow (does
 * graceful shutdown let it finish?). It lives in the test
 * sources, so the component scan finds it in tests only.
 */
@RestController
class FailingEndpoint {
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
}
