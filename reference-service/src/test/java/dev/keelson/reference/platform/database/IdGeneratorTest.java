package dev.keelson.reference.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {
    private final IdGenerator ids = new IdGenerator();

    @Test
    void idsAreVersion7AndOrderedByTheirMillisecond() {
        List<UUID> made = make(2_000);

        assertThat(made).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
        for (int i = 1; i < made.size(); i++) {
            assertThat(millis(made.get(i))).isGreaterThanOrEqualTo(millis(made.get(i - 1)));
        }
    }

    @Test
    void idsMadeInTheSameMillisecondAreNotNeighbours() {
        List<UUID> made = make(20_000);
        int sameMillisecond = 0;
        for (int i = 1; i < made.size(); i++) {
            if (millis(made.get(i)) == millis(made.get(i - 1))) {
                sameMillisecond++;
                BigInteger gap =
                        random(made.get(i)).subtract(random(made.get(i - 1))).abs();
                // with 74 random bits a gap under 2^40 happens once in 2^33 pairs; a counter gives 1
                assertThat(gap).isGreaterThan(BigInteger.ONE.shiftLeft(40));
            }
        }
        assertThat(sameMillisecond).as("pairs made in the same millisecond").isGreaterThan(100);
    }

    private List<UUID> make(int count) {
        List<UUID> made = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            made.add(ids.next());
        }
        return made;
    }

    private static long millis(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }

    /** The 74 bits after the time: 12 of the high half (below the version), 62 of the low half (below the variant). */
    private static BigInteger random(UUID id) {
        long high = id.getMostSignificantBits() & 0x0FFFL;
        long low = id.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL;
        return BigInteger.valueOf(high).shiftLeft(62).or(BigInteger.valueOf(low));
    }
}
