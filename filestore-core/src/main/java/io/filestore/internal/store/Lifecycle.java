package io.filestore.internal.store;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import io.filestore.StoreClosedException;
import io.filestore.StoreFencedException;
import io.filestore.StoreState;

/**
 * The store's {@link StoreState} and, once fenced, why: the one place that answers "may the store
 * write?", "is it fenced?" and "is it closed?". A fence keeps its reason through {@code CLOSING} and
 * {@code CLOSED}, so that a fenced store's close and status still say so. Thread-safe.
 */
final class Lifecycle {

    private final String dataDir;
    private volatile StoreState state = StoreState.OPENING;
    private volatile String fencedReason;

    Lifecycle(Path dataDir) {
        this.dataDir = dataDir.toString();
    }

    StoreState state() {
        return state;
    }

    /** Why the store was fenced, or {@code null} when it never was. */
    @Nullable String fencedReason() {
        return fencedReason;
    }

    boolean isFenced() {
        return fencedReason != null;
    }

    /** OPENING to OPEN, once recovery is done; a store fenced while opening stays FENCED. */
    synchronized void opened() {
        if (state == StoreState.OPENING) {
            state = state.moveTo(StoreState.OPEN);
        }
    }

    /**
     * Fences the store for {@code reason}: OPENING or OPEN become FENCED; a store already closing keeps
     * its state but remembers the reason. The first reason stays.
     */
    synchronized void fence(String reason) {
        if (fencedReason != null) {
            return;
        }
        fencedReason = reason;
        if (state.canMoveTo(StoreState.FENCED)) {
            state = state.moveTo(StoreState.FENCED);
        }
    }

    /** Moves to CLOSING, unless the store is closing or closed already. */
    synchronized void closing() {
        if (!state.isClosed()) {
            state = state.moveTo(StoreState.CLOSING);
        }
    }

    /** Moves to CLOSED, from wherever the store is: the end of a close, or of an open that failed. */
    synchronized void closed() {
        if (state != StoreState.CLOSED) {
            state = state.moveTo(StoreState.CLOSED);
        }
    }

    /** Whether the store takes writes: opening or open, neither fenced nor closing. */
    boolean takesWrites() {
        return state.takesWrites();
    }

    /** Throws when the store is closing or closed. */
    void ensureOpen() {
        if (state.isClosed()) {
            throw new StoreClosedException(dataDir);
        }
    }

    /** Throws when the store was fenced, whatever its state now. */
    void ensureNotFenced() {
        String reason = fencedReason;
        if (reason != null) {
            throw new StoreFencedException(dataDir, reason);
        }
    }

    /** Throws when the store takes no more writes: closing or closed first, then fenced. */
    void ensureWritable() {
        ensureOpen();
        ensureNotFenced();
    }
}
