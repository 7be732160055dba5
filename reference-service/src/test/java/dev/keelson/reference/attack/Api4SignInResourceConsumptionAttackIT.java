package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.RawHttp.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OWASP API4:2023 for sign-in: its bucket holds whatever the path's spelling or the client's address claims. */
class Api4SignInResourceConsumptionAttackIT extends SmallLimits {

    @Test
    void noSpellingOfTheSignInPathReachesItOutsideTheSignInBucket() {
        String address = newAddress();
        String login = "{\"email\":\"nobody@example.com\",\"password\":\"wrong password\"}";
        List<String> bypasses = new ArrayList<>();
        for (String path : PathSpellings.of("/api/v1/auth/login")) {
            Reply reply = raw.send(
                    "POST",
                    path,
                    login,
                    "Content-Type: application/json",
                    "Content-Length: " + login.length(),
                    "X-Forwarded-For: " + address);
            boolean reachedLogin = reply.body().contains("/bad-credentials");
            if (reachedLogin && !String.valueOf(AUTH_CAPACITY).equals(reply.header("RateLimit-Limit"))) {
                bypasses.add(path + " -> " + reply.status() + " RateLimit-Limit " + reply.header("RateLimit-Limit"));
            }
            if (reply.status() >= 400 && !reply.isProblem()) {
                bypasses.add(path + " -> " + reply.status() + " without a problem document: " + reply);
            }
        }
        assertThat(bypasses).isEmpty();
    }

    @Test
    void onceTheSignInBucketIsEmptyNoSpellingOfThePathGetsThrough() {
        String address = newAddress();
        String login = "{\"email\":\"nobody@example.com\",\"password\":\"wrong password\"}";
        for (int i = 0; i < AUTH_CAPACITY; i++) {
            raw.send(
                    "POST",
                    "/api/v1/auth/login",
                    login,
                    "Content-Type: application/json",
                    "Content-Length: " + login.length(),
                    "X-Forwarded-For: " + address);
        }
        List<String> through = new ArrayList<>();
        List<String> spellings = new ArrayList<>(PathSpellings.of("/api/v1/auth/login"));
        spellings.add("/api/v1/auth/login");
        spellings.add("/api/v1/auth/login?x=1");
        for (String path : spellings) {
            Reply reply = raw.send(
                    "POST",
                    path,
                    login,
                    "Content-Type: application/json",
                    "Content-Length: " + login.length(),
                    "X-Forwarded-For: " + address);
            if (reply.body().contains("/bad-credentials")) {
                through.add(path);
            }
        }
        assertThat(through).isEmpty();
    }
}
