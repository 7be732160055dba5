package dev.keelson.reference.platform;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * New primary keys: UUIDv7 (RFC 9562), whose leading 48 bits are the creation time in milliseconds, so keys are
 * ordered by creation and B-tree inserts stay at the right edge of the index. Thread-safe.
 */
public final class IdGenerator {
    private final TimeBasedEpochGenerator generator = Generators.timeBasedEpochGenerator();

    /** A new UUIDv7. */
    public UUID next() {
        return generator.generate();
    }
}
