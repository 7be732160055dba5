package dev.keelson.reference.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keelson.reference.ReferenceApplication;
import dev.keelson.reference.platform.settings.InvalidSettingException;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.RawHttp;
import dev.keelson.reference.testing.RawHttp.Reply;
import dev.keelson.reference.testing.ServiceTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OWASP API8:2023, security misconfiguration, where auth adds to {@link Api8SecurityMisconfigurationAttackIT}: a
 * forged bearer token is refused whatever host it claims, a control character in its header by the firewall, the signed-in user's own account is not stored by caches,
 * and a production start without the token signing keys is refused naming them.
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

    /**
     * Spring Security's firewall refuses a control character in any header the chain reads (here byte 0x85, NEL in
     * ISO-8859-1, which Tomcat lets through as obs-text) with 400 before the token is looked at; other Latin-1 text
     * passes the firewall and meets the token check (401), as a plain forged token does.
     */
    @Test
    void aControlCharacterInTheBearerHeaderIsRefusedByTheFirewallAndLatinTextMeetsTheTokenCheck() {
        RawHttp raw = new RawHttp(port);

        assertThat(bearer(raw, "abc\u0085def").status()).isEqualTo(400);
        assertThat(bearer(raw, "abc\u0080def").status()).isEqualTo(400);
        assertThat(bearer(raw, "caf\u00e9.def.ghi").status()).isEqualTo(401);
        assertThat(bearer(raw, "abc\tdef").status()).isEqualTo(401);
        assertThat(bearer(raw, "abc.def.ghi").status()).isEqualTo(401);
    }

    private static Reply bearer(RawHttp raw, String token) {
        String request = "GET /api/v1/orders HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Bearer "
                + token + "\r\n\r\n";
        return raw.sendRaw(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void theSignedInUsersAccountIsNotStoredByCaches() {
        Session user = api.newUser();

        assertThat(api.get("/api/v1/users/me").token(user.accessToken()).send().header("Cache-Control"))
                .contains("no-store");
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
