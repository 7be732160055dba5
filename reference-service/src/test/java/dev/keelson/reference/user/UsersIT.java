package dev.keelson.reference.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.testing.Accounts;
import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class UsersIT extends ServiceTest {
    @Autowired
    private JdbcClient jdbc;

    private Session admin;

    @BeforeEach
    void anAdmin() {
        Session user = api.newUser();
        jdbc.sql("UPDATE users SET roles = ARRAY['ADMIN','USER'] WHERE email = ?")
                .param(user.email())
                .update();
        admin = Accounts.login(api, user.email(), user.password());
    }

    @Test
    void aUserRenamesThemselves() {
        Session user = api.newUser();
        Reply reply = api.patch("/api/v1/users/me")
                .token(user.accessToken())
                .json(Map.of("displayName", " Grace "))
                .send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/data/displayName").asString()).isEqualTo("Grace");
    }

    @Test
    void theAdminRoutesAreForbiddenToUsersWithAProblemDocument() {
        Session user = api.newUser();
        String someone = api.get("/api/v1/users/me")
                .token(user.accessToken())
                .send()
                .json()
                .at("/data/id")
                .asString();

        for (Reply reply : List.of(
                api.get("/api/v1/users").token(user.accessToken()).send(),
                api.patch("/api/v1/users/" + someone + "/roles")
                        .token(user.accessToken())
                        .json(Map.of("roles", List.of("ADMIN")))
                        .send(),
                api.delete("/api/v1/users/" + someone).token(user.accessToken()).send())) {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.json().get("type").asString()).endsWith("/forbidden");
        }
    }

    @Test
    void anAdminListsUsersByEmailPrefixPageByPage() {
        String prefix = "list-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String email = prefix + "-" + i + "@example.com";
            api.post("/api/v1/auth/register")
                    .json(Map.of("email", email, "password", "a long enough password", "displayName", "U" + i))
                    .send();
            emails.add(email);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = api.get(
                            "/api/v1/users?limit=2&emailPrefix=" + prefix + (cursor == null ? "" : "&cursor=" + cursor))
                    .token(admin.accessToken())
                    .send();
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            seen.addAll(Api.texts(page.json().get("data"), "email"));
            JsonNode next = page.json().at("/meta/nextCursor");
            cursor = next.isMissingNode() ? null : next.asString();
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(emails.reversed());
    }

    @Test
    void anAdminFiltersByRole() {
        Reply reply = api.get("/api/v1/users?role=ADMIN&limit=100")
                .token(admin.accessToken())
                .send();

        assertThat(reply.status()).isEqualTo(200);
        reply.json()
                .get("data")
                .forEach(u -> assertThat(u.get("roles").toString()).contains("ADMIN"));
        assertThat(Api.texts(reply.json().get("data"), "email")).contains(admin.email());
    }

    @Test
    void anAdminGrantsARoleThatTheNextSignInCarries() {
        Session user = api.newUser();
        String id = api.get("/api/v1/users/me")
                .token(user.accessToken())
                .send()
                .json()
                .at("/data/id")
                .asString();

        Reply reply = api.patch("/api/v1/users/" + id + "/roles")
                .token(admin.accessToken())
                .json(Map.of("roles", List.of("USER", "ADMIN")))
                .send();

        assertThat(reply.status()).isEqualTo(200);
        Session promoted = Accounts.login(api, user.email(), user.password());
        assertThat(api.get("/api/v1/users?limit=1")
                        .token(promoted.accessToken())
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anUnknownRoleIsInvalid() {
        Reply reply = api.patch("/api/v1/users/" + UUID.randomUUID() + "/roles")
                .token(admin.accessToken())
                .json(Map.of("roles", List.of("ROOT")))
                .send();

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void aDeletedUserCanNeitherSignInNorRefresh() {
        Session user = api.newUser();
        String id = api.get("/api/v1/users/me")
                .token(user.accessToken())
                .send()
                .json()
                .at("/data/id")
                .asString();

        assertThat(api.delete("/api/v1/users/" + id)
                        .token(admin.accessToken())
                        .send()
                        .status())
                .isEqualTo(204);

        Reply login = api.post("/api/v1/auth/login")
                .json(Map.of("email", user.email(), "password", user.password()))
                .send();
        Reply refresh = api.post("/api/v1/auth/refresh")
                .json(Map.of("refreshToken", user.refreshToken()))
                .send();
        assertThat(login.status()).isEqualTo(401);
        assertThat(refresh.status()).isEqualTo(401);
        assertThat(api.delete("/api/v1/users/" + id)
                        .token(admin.accessToken())
                        .send()
                        .status())
                .isEqualTo(404);
    }
}
