package io.filestore.internal.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

/**
 * The store's global values as compact JSON, and whether they changed since the last flush. Same
 * thread-safety rules as {@link CollectionState}.
 */
final class ValueState {

    private final Map<String, byte[]> values = new ConcurrentHashMap<>();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final boolean flushed;

    /** {@code flushed}: whether changes are written to the local folder (false in a shared store: the database holds them). */
    ValueState(boolean flushed) {
        this.flushed = flushed;
    }

    byte @Nullable [] get(String key) {
        return values.get(key);
    }

    Map<String, byte[]> all() {
        return values;
    }

    void apply(String key, byte[] after) {
        if (after == null) {
            values.remove(key);
        } else {
            values.put(key, after);
        }
        if (flushed) {
            dirty.set(true);
        }
    }

    /** Clears the dirty flag and returns whether it was set. */
    boolean takeDirty() {
        return dirty.getAndSet(false);
    }

    void markDirty() {
        dirty.set(true);
    }

    Map<String, byte[]> snapshot() {
        return new LinkedHashMap<>(values);
    }
}
