package dev.keelson.reference.testing;

import dev.keelson.reference.testing.Api.Call;
import dev.keelson.reference.testing.Api.Reply;
import dev.keelson.reference.testing.Api.Session;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Users of the API for tests: registration, the emailed verification code, sign-in. */
public final class Accounts {
    private static final Pattern EMAILED_CODE = Pattern.compile("^([A-Za-z0-9_-]{43})$", Pattern.MULTILINE);

    private Accounts() {}

    /** A new user, registered and signed in, who has not verified their email address (so may not place orders). */
    public static Session newUnverifiedUser(Api api) {
        return signUp(api, "user-" + UUID.randomUUID() + "@example.com", "correct horse battery staple", null, false);
    }

    /**
     * Registers {@code email} as if from {@code clientAddress} ({@code X-Forwarded-For}, {@code null} for none),
     * verifies its address when {@code verify}, and signs it in.
     */
    public static Session signUp(Api api, String email, String password, String clientAddress, boolean verify) {
        Reply registered = from(clientAddress, api.post("/api/v1/auth/register"))
                .json(Map.of("email", email, "password", password, "displayName", "Test User"))
                .send();
        if (registered.status() != 201) {
            throw new AssertionError("register: " + registered.status() + " " + registered.body());
        }
        if (verify) {
            verifyEmail(api, email, clientAddress);
        }
        Reply reply = from(clientAddress, api.post("/api/v1/auth/login"))
                .json(Map.of("email", email, "password", password))
                .send();
        return session(email, password, reply);
    }

    /** Sends the code of the verification email {@code email} received (from the test SMTP server) back. */
    private static void verifyEmail(Api api, String email, String clientAddress) {
        List<String> mails = TestSmtp.bodiesFor(email, 1);
        Matcher code =
                EMAILED_CODE.matcher(mails.isEmpty() ? "" : mails.getFirst().replace("\r", ""));
        if (!code.find()) {
            throw new AssertionError("no verification code emailed to " + email + ": " + mails);
        }
        Reply verified = from(clientAddress, api.post("/api/v1/auth/verify-email"))
                .json(Map.of("token", code.group(1)))
                .send();
        if (verified.status() != 204) {
            throw new AssertionError("verify-email: " + verified.status() + " " + verified.body());
        }
    }

    public static Session login(Api api, String email, String password) {
        return login(api, email, password, null);
    }

    /** Signs in as if from {@code clientAddress} (see {@link Api#newUser(String)}). */
    public static Session login(Api api, String email, String password, String clientAddress) {
        return session(
                email,
                password,
                from(clientAddress, api.post("/api/v1/auth/login"))
                        .json(Map.of("email", email, "password", password))
                        .send());
    }

    private static Call from(String clientAddress, Call call) {
        return clientAddress == null ? call : call.header("X-Forwarded-For", clientAddress);
    }

    private static Session session(String email, String password, Reply reply) {
        if (reply.status() != 200) {
            throw new AssertionError("login: " + reply.status() + " " + reply.body());
        }
        JsonNode data = reply.json().get("data");
        return new Session(
                email,
                password,
                data.get("accessToken").asString(),
                data.get("refreshToken").asString());
    }
}
