package dev.keelson.reference.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;

/** Where the token buckets live: this instance's memory, or a store every instance shares. */
public interface BucketStore {
    /**
     * Takes one token from the bucket {@code key}, creating it full with {@code limit} when it does not exist, and
     * says whether it was taken and what is left. Never throws for an unreachable store: an implementation that
     * shares buckets falls back to per-instance buckets instead (and says so in the readiness check).
     */
    ConsumptionProbe tryConsume(String key, Bandwidth limit);
}
