package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.reference.ReferenceApplication;
import dev.keelson.reference.platform.settings.InvalidSettingException;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.RawHttp;
import dev.keelson.reference.testing.RawHttp.Reply;
import dev.keelson.reference.testing.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OWASP API8:2023, security misconfiguration, where auth adds to {@link Api8SecurityMisconfigurationAttackIT}: a
 * forged bearer token is refused whatever host it claims, the signed-in user's own account is not stored by caches,
 * no malformed body to the sign-in endpoints answers 5xx, and a production start without the token signing keys is
 * refused naming them.
 */
@ExtendWith(OutputCaptureExtension.class)
class Api8AuthSecurityMisconfigurationAttackIT extends ServiceTest {
    @LocalServerPort
    private int port;

    @Test
    void aForgedBearerTokenIsRefusedWhateverHostItClaims() {
        RawHttp raw = new RawHttp(port);
        for (String token : List.of("abc.def.ghi", "not-a-jwt", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")) {
            Reply reply = raw.send(
                    "GET",
                    "/api/v1/orders",
                    "",
                    "Host: evil.example.net",
                    "X-Forwarded-Host: evil2.example.net",
                    "Authorization: Bearer " + token);

            assertThat(reply.status()).isEqualTo(401);
        }
    }

    @Test
    void theSignedInUsersAccountIsNotStoredByCaches() {
        Session user = api.newUser();

        assertThat(api.get("/api/v1/users/me").token(user.accessToken()).send().header("Cache-Control"))
                .contains("no-store");
    }

    @Test
    void noMalformedBodyToTheSignInEndpointsAnswers5xx() {
        RawHttp raw = new RawHttp(port);
        String token = "Authorization: Bearer " + api.newUser().accessToken();
        List<String> failures = new ArrayList<>();
        for (String target : List.of("/api/v1/auth/login", "/api/v1/auth/register", "/api/v1/auth/refresh")) {
            failures.addAll(Api8ErrorPathAttackIT.malformedBodiesAnswering5xx(raw, target, token));
            failures.addAll(Api8ErrorPathAttackIT.malformedBodiesAnswering5xx(raw, target, "X-Signed-In: no"));
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aProductionStartWithoutTheSigningKeysIsRefusedNamingThem(CapturedOutput output) {
        for (String profile : List.of("prod", "staging")) {
            assertThatThrownBy(() -> new SpringApplicationBuilder(ReferenceApplication.class)
                            .run("--spring.profiles.active=" + profile, "--server.port=0")
                            .close())
                    .satisfies(e ->
                            assertThat(InvalidSettingException.exitCodeOf(e)).isEqualTo(2));

            assertThat(output.getAll()).contains("reference.auth.jwks");
        }
    }
}
