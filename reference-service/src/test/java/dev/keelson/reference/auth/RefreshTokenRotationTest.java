package dev.keelson.reference.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keelson.reference.auth.RefreshTokenRotation.Decision;
import dev.keelson.reference.auth.RefreshTokenRotation.State;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefreshTokenRotationTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(3600);
    private static final Instant EARLIER = NOW.minusSeconds(3600);

    @Test
    void anUnusedUnexpiredTokenRotates() {
        assertThat(RefreshTokenRotation.decide(new State(LATER, null, null), NOW))
                .isEqualTo(Decision.ROTATE);
    }

    @Test
    void aTokenPresentedAfterItWasUsedIsReuse() {
        assertThat(RefreshTokenRotation.decide(new State(LATER, EARLIER, null), NOW))
                .isEqualTo(Decision.REUSED);
    }

    @Test
    void aUsedTokenIsReuseEvenAfterItExpired() {
        assertThat(RefreshTokenRotation.decide(new State(EARLIER, EARLIER, null), NOW))
                .isEqualTo(Decision.REUSED);
    }

    @Test
    void aRevokedFamilyStaysRevokedWhateverElseHolds() {
        assertThat(RefreshTokenRotation.decide(new State(LATER, EARLIER, EARLIER), NOW))
                .isEqualTo(Decision.REVOKED);
        assertThat(RefreshTokenRotation.decide(new State(LATER, null, EARLIER), NOW))
                .isEqualTo(Decision.REVOKED);
    }

    @Test
    void aTokenExpiresAtItsExpiryInstant() {
        assertThat(RefreshTokenRotation.decide(new State(NOW, null, null), NOW)).isEqualTo(Decision.EXPIRED);
        assertThat(RefreshTokenRotation.decide(new State(NOW.plusMillis(1), null, null), NOW))
                .isEqualTo(Decision.ROTATE);
    }
}
