package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.keelson.reference.platform.settings.InvalidSettingException;
import dev.keelson.reference.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Auth's settings are checked while the service starts, as {@link StartupSettingsIT} shows for the others. */
@ExtendWith(OutputCaptureExtension.class)
class AuthStartupSettingsIT {
    private static TestPostgres.Database database;

    @BeforeAll
    static void createDatabase() {
        database = TestPostgres.create();
    }

    @AfterAll
    static void dropDatabase() {
        database.drop();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        reference.auth.access-token-ttl=forever            | reference.auth.access-token-ttl
        reference.auth.refresh-token-ttl=5m                | reference.auth.refresh-token-ttl: must be longer than
        reference.auth.jwks={"keys":                       | reference.auth.jwks: is not a JWK set
        """)
    void aBadSettingStopsTheStartUpNamingIt(String setting, String expected, CapturedOutput output) {
        assertThatThrownBy(() -> StartupSettingsIT.start(database, setting))
                .satisfies(e -> assertThat(InvalidSettingException.exitCodeOf(e))
                        .as("exit code")
                        .isEqualTo(2));

        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains(expected);
    }

    @Test
    void anActiveKeyIdMissingFromTheKeySetIsNamed(CapturedOutput output) throws JOSEException {
        String keySet = "{\"keys\":["
                + new ECKeyGenerator(Curve.P_256).keyID("k1").generate().toJSONString() + "]}";

        assertThatThrownBy(() -> StartupSettingsIT.start(
                        database, "reference.auth.jwks=" + keySet, "reference.auth.active-key-id=k9"))
                .satisfies(
                        e -> assertThat(InvalidSettingException.exitCodeOf(e)).isEqualTo(2));

        assertThat(output.getAll())
                .contains("reference.auth.active-key-id: 'k9' names no key in reference.auth.jwks")
                .contains("REFERENCE_AUTH_ACTIVE_KEY_ID");
    }
}
