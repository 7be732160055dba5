package dev.keelson.reference.testing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A route that fails the way a bug does, so tests can see what a 500 looks like from outside. It lives in the test
 * sources, so the component scan finds it in tests only.
 */
@RestController
class FailingEndpoint {
    @GetMapping("/api/v1/test/fail")
    String fail() {
        throw new IllegalStateException("secret internal detail: jdbc:postgresql://db-host/prod");
    }
}
