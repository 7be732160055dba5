package dev.keelson.reference.platform.database;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;
import java.util.UUID;

/**
 * New primary keys: UUIDv7 (RFC 9562), whose leading 48 bits are the creation time in milliseconds, so keys are
 * ordered by creation (to the millisecond) and B-tree inserts stay at the right edge of the index. The other 74 bits
 * are fresh random bits for every key (RFC 9562's method without a counter): two keys made in the same millisecond,
 * for two users, are not neighbours, so knowing one's own id says nothing about the next user's. (Every lookup also
 * checks the owner; this keeps ids from even hinting at each other.) Thread-safe.
 */
public final class IdGenerator {
    private final TimeBasedEpochRandomGenerator generator = Generators.timeBasedEpochRandomGenerator();

    /** A new UUIDv7. */
    public UUID next() {
        return generator.generate();
    }
}
