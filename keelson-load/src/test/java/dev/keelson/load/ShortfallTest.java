package dev.keelson.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShortfallTest {
    @Test
    void aBusyGeneratorIsBlamedFirst() {
        Shortfall f = Shortfall.diagnose(150_000, 60_000, 4, 60, 0.97, 2);

        assertThat(f.cause()).isEqualTo(Shortfall.Cause.GENERATOR_CPU);
        assertThat(f.describe())
                .isEqualTo("60000 of 150000 req/s; the generator: its 2 event-loop thread(s) were on the"
                        + " CPU 97% of the run; give it more threads or cores, or split the load over machines");
    }

    @Test
    void connectionsThatCannotCarryTheRateAtTheAnswerTimeAreBlamedNext() {
        Shortfall f = Shortfall.diagnose(150_000, 62_000, 4, 64, 0.5, 2);

        assertThat(f.cause()).isEqualTo(Shortfall.Cause.TOO_FEW_CONNECTIONS);
        assertThat(f.connectionsNeeded()).isEqualTo(10);
        assertThat(f.describe())
                .endsWith("too few connections: 4 at a mean answer time of 64us carry at most 62500 req/s;"
                        + " the rate needs about 10");
    }

    @Test
    void otherwiseTheServer() {
        assertThat(Shortfall.diagnose(200, 150, 50, 2_000, 0.1, 1).cause()).isEqualTo(Shortfall.Cause.SERVER);
    }
}
