package dev.keelson.reference.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.keelson.reference.testing.Accounts;
import dev.keelson.reference.testing.Api;
import dev.keelson.reference.testing.Api.Session;
import dev.keelson.reference.testing.TestFeature;
import dev.keelson.reference.testing.TestSmtp;
import java.util.Map;
import java.util.UUID;

/**
 * Auth under test: emails go to the test SMTP server ({@link TestSmtp}) and the outbox relay polls often; every
 * instance of one deployment signs with the same keys; a new client is a user registered, verified and signed in.
 */
public final class AuthTestFeature implements TestFeature {
    /** What every instance of one deployment shares: the token signing keys. */
    private static final String SHARED_JWKS = signingKeys();

    @Override
    public Map<String, String> settings() {
        return Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(TestSmtp.port()),
                "reference.outbox.poll-interval", "200ms");
    }

    @Override
    public Map<String, String> sharedByInstances() {
        return Map.of("reference.auth.jwks", SHARED_JWKS);
    }

    @Override
    public Session newClient(Api api, Session session, String clientAddress) {
        return Accounts.signUp(api, session.email(), session.password(), clientAddress, true);
    }

    private static String signingKeys() {
        try {
            return new JWKSet(new ECKeyGenerator(Curve.P_256)
                            .keyID("test-" + UUID.randomUUID())
                            .generate())
                    .toString(false);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
