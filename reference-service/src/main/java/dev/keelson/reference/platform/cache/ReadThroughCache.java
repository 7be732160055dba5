package dev.keelson.reference.platform.cache;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A read-through cache of immutable values (records). Values are cached for at most {@code reference.cache.ttl}
 * and dropped explicitly by every write of the thing they copy, so a read sees a change once its transaction has
 * committed; the TTL bounds what a lost eviction (a crash between commit and eviction) can leave behind.
 */
public interface ReadThroughCache {
    /** The value under {@code key}: from the cache, or from {@code loader} (then cached when present). */
    <T> Optional<T> get(String key, Class<T> type, Supplier<Optional<T>> loader);

    /** Drops {@code key} now. */
    void evictNow(String key);

    /**
     * Drops {@code key}; call it after the write. Outside a transaction the write has committed by then; inside one
     * the key is dropped again after the commit, so a read that ran meanwhile, still seeing the old row, cannot
     * leave the old value cached.
     */
    default void evict(String key) {
        evictNow(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evictNow(key);
                }
            });
        }
    }
}
