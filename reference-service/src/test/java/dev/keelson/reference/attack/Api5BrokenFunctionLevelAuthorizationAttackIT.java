package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Accounts;
import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * OWASP API5:2023, broken function level authorization: admin functions called by users, by anonymous callers and by
 * admins who were demoted a moment ago; methods a route does not offer. Every probe is a real request to the running
 * service.
 */
class Api5BrokenFunctionLevelAuthorizationAttackIT extends ServiceTest {
    @Autowired
    private JdbcClient jdbc;

    @Test
    void everyAdminFunctionIs403ForAUserAnd401Anonymously() {
        Session user = api.newUser();
        String someone = id(api.newUser());

        for (Api.Call call : adminCalls(someone)) {
            assertThat(call.token(user.accessToken()).send().status()).isEqualTo(403);
        }
        for (Api.Call call : adminCalls(someone)) {
            assertThat(call.send().status()).isEqualTo(401);
        }
        assertThat(api.get("/api/v1/users/me")
                        .token(user.accessToken())
                        .send()
                        .json()
                        .at("/data/roles")
                        .toString())
                .isEqualTo("[\"USER\"]");
    }

    @Test
    void aUserCannotPromoteThemselves() {
        Session user = api.newUser();

        Reply self = api.patch("/api/v1/users/" + id(user) + "/roles")
                .token(user.accessToken())
                .json(Map.of("roles", List.of("ADMIN")))
                .send();

        assertThat(self.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/users")
                        .token(Accounts.login(api, user.email(), user.password())
                                .accessToken())
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aDemotedAdminLosesTheAdminFunctionsAtOnce() {
        Session admin = promote(api.newUser());
        Session demoted = promote(api.newUser());
        String someone = id(api.newUser());
        assertThat(api.get("/api/v1/users").token(demoted.accessToken()).send().status())
                .isEqualTo(200);

        assertThat(api.patch("/api/v1/users/" + id(demoted) + "/roles")
                        .token(admin.accessToken())
                        .json(Map.of("roles", List.of("USER")))
                        .send()
                        .status())
                .isEqualTo(200);

        for (Api.Call call : adminCalls(someone)) {
            assertThat(call.token(demoted.accessToken()).send().status()).isEqualTo(401);
        }
        String fresh = Accounts.login(api, demoted.email(), demoted.password()).accessToken();
        for (Api.Call call : adminCalls(someone)) {
            assertThat(call.token(fresh).send().status()).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/users/me").token(fresh).send().status()).isEqualTo(200);
    }

    @Test
    void rolesOutsideTheKnownOnesAreRefused() {
        Session admin = promote(api.newUser());
        String someone = id(api.newUser());
        for (Object roles : List.of(
                List.of("SUPERUSER"),
                List.of("ADMIN", "USER", "ADMIN"),
                List.of("admin"),
                List.of("ROLE_ADMIN"),
                List.of())) {
            Reply reply = api.patch("/api/v1/users/" + someone + "/roles")
                    .token(admin.accessToken())
                    .json(Map.of("roles", roles))
                    .send();
            assertThat(reply.status()).as("%s", roles).isEqualTo(400);
        }
    }

    @Test
    void methodsARouteDoesNotOfferAre405NotAWayIn() {
        Session user = api.newUser();
        for (String[] call : new String[][] {
            {"PUT", "/api/v1/users/me"},
            {"DELETE", "/api/v1/users/me"},
            {"POST", "/api/v1/users"},
            {"PUT", "/api/v1/orders"},
            {"DELETE", "/api/v1/orders"},
            {"GET", "/api/v1/auth/login"},
            {"PUT", "/api/v1/auth/register"},
            {"TRACE", "/api/v1/orders"}
        }) {
            Reply reply = api.method(call[0], call[1]).token(user.accessToken()).send();
            // DELETE /users/me reaches DELETE /users/{id} with an id that is no UUID: 400, which is no way in either
            assertThat(reply.status()).as("%s %s", call[0], call[1]).isIn(400, 403, 405);
        }
        assertThat(api.get("/api/v1/users/me").token(user.accessToken()).send().status())
                .isEqualTo(200);
    }

    @Test
    void aMethodOverrideHeaderDoesNotTurnAReadIntoAnAdminWrite() {
        Session user = api.newUser();
        String someone = id(api.newUser());
        for (String header : new String[] {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"}) {
            Reply reply = api.post("/api/v1/users/" + someone)
                    .token(user.accessToken())
                    .header(header, "DELETE")
                    .send();
            assertThat(reply.status()).isIn(403, 405);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE id = CAST(? AS uuid) AND deleted_at IS NULL")
                        .param(someone)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private List<Api.Call> adminCalls(String userId) {
        return List.of(
                api.get("/api/v1/users"),
                api.get("/api/v1/users?role=ADMIN"),
                api.patch("/api/v1/users/" + userId + "/roles").json(Map.of("roles", List.of("ADMIN"))),
                api.delete("/api/v1/users/" + userId));
    }

    private String id(Session user) {
        return api.get("/api/v1/users/me")
                .token(user.accessToken())
                .send()
                .json()
                .at("/data/id")
                .asString();
    }

    private Session promote(Session user) {
        jdbc.sql("UPDATE users SET roles = ARRAY['ADMIN','USER'] WHERE email = ?")
                .param(user.email())
                .update();
        return Accounts.login(api, user.email(), user.password());
    }
}
