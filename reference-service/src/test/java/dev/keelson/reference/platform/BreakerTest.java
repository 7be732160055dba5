package dev.keelson.reference.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BreakerTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final Breaker breaker = new Breaker(Duration.ofNanos(100), now::get);

    @Test
    void aClosedBreakerAllowsEveryCaller() {
        assertThat(breaker.allows()).isTrue();
        assertThat(breaker.allows()).isTrue();
        assertThat(breaker.isOpen()).isFalse();
    }

    @Test
    void afterAFailureCallersFailFastUntilThePeriodHasPassed() {
        breaker.failed();
        now.addAndGet(99);

        assertThat(breaker.allows()).isFalse();
        assertThat(breaker.isOpen()).isTrue();
    }

    @Test
    void afterThePeriodExactlyOneCallerIsLetThroughAsTheTrial() {
        breaker.failed();
        now.addAndGet(100);

        assertThat(breaker.allows()).isTrue();
        assertThat(breaker.allows()).isFalse();
    }

    @Test
    void aSuccessfulTrialClosesTheBreakerAndOnlyTheFirstSuccessReportsIt() {
        breaker.failed();
        now.addAndGet(100);
        breaker.allows();

        assertThat(breaker.succeeded()).isTrue();
        assertThat(breaker.succeeded()).isFalse();
        assertThat(breaker.allows()).isTrue();
    }

    @Test
    void aFailedTrialOpensTheBreakerForAnotherFullPeriod() {
        breaker.failed();
        now.addAndGet(100);
        breaker.allows();
        breaker.failed();
        now.addAndGet(99);

        assertThat(breaker.allows()).isFalse();
        now.addAndGet(1);
        assertThat(breaker.allows()).isTrue();
    }

    @Test
    void aPeriodThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new Breaker(Duration.ZERO)).hasMessageContaining("positive");
    }
}
