package dev.keelson.reference.faults;

import static dev.keelson.reference.faults.TwoInstances.placeOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Accounts;
import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceInstance;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Two instances sharing one Redis: sign-in and per-user limits, sign-out and account changes hold on both at once. */
class TwoInstancesAuthIT {
    /** Per user: big enough to be synchronised lazily (1 % of it per instance), small enough to exhaust. */
    private static final int API_CAPACITY = 200;

    @RegisterExtension
    static final TwoInstances both = new TwoInstances(
            "--reference.rate-limit.api.capacity=" + API_CAPACITY, "--reference.rate-limit.api.period=1h");

    private static ServiceInstance first;
    private static ServiceInstance second;

    @BeforeAll
    static void bothStarted() {
        first = both.first();
        second = both.second();
    }

    private static Reply login(Api api, String clientAddress) {
        return api.post("/api/v1/auth/login")
                .header("X-Forwarded-For", clientAddress)
                .json(Map.of("email", "nobody@example.com", "password", "a wrong password"))
                .send();
    }

    @Test
    void aRateLimitHoldsAcrossBothInstances() {
        assertThat(login(first.api(), "198.51.100.20").status()).isEqualTo(401);
        assertThat(login(second.api(), "198.51.100.20").status()).isEqualTo(401);
        assertThat(login(first.api(), "198.51.100.20").header("RateLimit-Remaining"))
                .isEqualTo("0");

        Reply fourth = login(second.api(), "198.51.100.20");

        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.header("Retry-After")).isNotNull();
    }

    @Test
    void anApiLimitHoldsAcrossBothInstancesWithinItsSynchronisationSlack() {
        Session user = both.newUser();
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < API_CAPACITY + 40; i++) {
            ServiceInstance instance = i % 2 == 0 ? first : second;
            int status = instance.api()
                    .get("/api/v1/orders?limit=1")
                    .token(user.accessToken())
                    .send()
                    .status();
            if (status == 200) {
                ok++;
            } else if (status == 429) {
                limited++;
            }
        }
        // each instance takes up to 1 % of the capacity locally before it writes back to Redis
        int slack = 2 * API_CAPACITY / 100;
        assertThat(ok)
                .as("requests let through of %d", API_CAPACITY + 40)
                .isBetween(API_CAPACITY, API_CAPACITY + slack);
        assertThat(ok + limited).as("every other answer is a 429").isEqualTo(API_CAPACITY + 40);
    }

    @Test
    void aSignOutOnOneInstanceRefusesTheAccessTokenOnTheOtherAtOnce() {
        Session user = both.newUser();
        assertThat(me(second, user).status()).isEqualTo(200); // the other instance has the account cached now

        Reply out = first.api()
                .post("/api/v1/auth/logout")
                .header("X-Forwarded-For", both.nextAddress())
                .json(Map.of("refreshToken", user.refreshToken()))
                .send();

        assertThat(out.status()).isEqualTo(204);
        assertThat(me(second, user).status()).isEqualTo(401);
        assertThat(placeOrder(second, user, UUID.randomUUID().toString()).send().status())
                .isEqualTo(401);
    }

    @Test
    void aDemotedOrDeletedAccountIsRefusedOnTheOtherInstanceAtOnce() {
        Session admin = newAdmin();
        Session user = both.newUser();
        assertThat(second.api()
                        .get("/api/v1/users")
                        .token(admin.accessToken())
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(placeOrder(second, user, UUID.randomUUID().toString()).send().status())
                .isEqualTo(201);
        String userId = me(second, user).json().at("/data/id").asString();
        String adminId = me(second, admin).json().at("/data/id").asString();
        Session otherAdmin = newAdmin();

        Reply deleted = first.api()
                .delete("/api/v1/users/" + userId)
                .token(otherAdmin.accessToken())
                .send();
        Reply demoted = first.api()
                .patch("/api/v1/users/" + adminId + "/roles")
                .token(otherAdmin.accessToken())
                .json(Map.of("roles", List.of("USER")))
                .send();

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(demoted.status()).isEqualTo(200);
        assertThat(placeOrder(second, user, UUID.randomUUID().toString()).send().status())
                .isEqualTo(401);
        assertThat(second.api()
                        .get("/api/v1/users")
                        .token(admin.accessToken())
                        .send()
                        .status())
                .isEqualTo(401);
        Session relogged = Accounts.login(second.api(), admin.email(), admin.password(), both.nextAddress());
        assertThat(second.api()
                        .get("/api/v1/users")
                        .token(relogged.accessToken())
                        .send()
                        .status())
                .isEqualTo(403);
    }

    private static Reply me(ServiceInstance instance, Session user) {
        return instance.api().get("/api/v1/users/me").token(user.accessToken()).send();
    }

    private static Session newAdmin() {
        Session user = both.newUser();
        first.bean(JdbcClient.class)
                .sql("UPDATE users SET roles = ARRAY['ADMIN','USER'] WHERE email = ?")
                .param(user.email())
                .update();
        return Accounts.login(first.api(), user.email(), user.password(), both.nextAddress());
    }
}
