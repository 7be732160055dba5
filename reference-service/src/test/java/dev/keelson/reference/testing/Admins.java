package dev.keelson.reference.testing;

import dev.keelson.reference.testing.Api.Session;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Administrators for tests: there is no endpoint that makes the first one, so the database does. */
public final class Admins {
    private Admins() {}

    /** A new signed-up user with the ADMIN role, signed in again so its access token carries the role. */
    public static Session newAdmin(Api api, JdbcClient jdbc) {
        Session user = api.newUser();
        jdbc.sql("UPDATE users SET roles = ARRAY['USER','ADMIN'] WHERE email = ?")
                .param(user.email())
                .update();
        return Accounts.login(api, user.email(), user.password());
    }
}
