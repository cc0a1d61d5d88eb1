package io.filestore.internal.wal;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.filestore.StoreState;
import io.filestore.WriteAheadLogException;

/**
 * The log's {@link StoreState} and its failure. The log is OPEN when made; a failure makes it FENCED
 * (failing), and once failing it stays failed through its close: no write or force happens afterwards
 * (a retried fsync can report success for pages the kernel already dropped). The store is fenced
 * before the failure is published, so whoever hears of it finds the store fenced. {@code close} moves
 * it to CLOSING, then CLOSED. Thread-safe.
 */
final class LogLifecycle {

    private final Path folder;
    private final Consumer<Throwable> onFailure;
    private volatile StoreState state = StoreState.OPEN;
    private volatile boolean failing;
    private volatile Throwable failure;

    LogLifecycle(Path folder, Consumer<Throwable> onFailure) {
        this.folder = folder;
        this.onFailure = onFailure;
    }

    /** Whether the log takes writes and forces: open, neither failing nor closing. */
    boolean isOpen() {
        return state == StoreState.OPEN;
    }

    /** Whether the log stopped (the failure may still be on its way to being published). */
    boolean isFailing() {
        return failing;
    }

    /** Moves to CLOSING, unless closing or closed already; a failing log stays failing. */
    synchronized void closing() {
        if (!state.isClosed()) {
            state = state.moveTo(StoreState.CLOSING);
        }
    }

    /** Moves to CLOSED, from wherever the log is. */
    synchronized void closed() {
        if (state != StoreState.CLOSED) {
            state = state.moveTo(StoreState.CLOSED);
        }
    }

    /**
     * Throws when the log takes no more writes: the published failure when failing, else when closed.
     *
     * @throws WriteAheadLogException naming the failure, or saying the log is closed
     */
    void ensureWritable() {
        if (failing) {
            throw published();
        }
        if (state.isClosed()) {
            throw new WriteAheadLogException("The write-ahead log is closed", null);
        }
    }

    /** The published failure, or {@code null}. */
    @Nullable Throwable failure() {
        return failure;
    }

    /**
     * Stops the log, fences the store, publishes the failure, then runs {@code wakeWaiters}. Only the
     * first call does anything.
     */
    void record(Throwable cause, Runnable wakeWaiters) {
        synchronized (this) {
            if (failing) {
                return;
            }
            failing = true;
            if (state == StoreState.OPEN) {
                state = state.moveTo(StoreState.FENCED); // a log failing while closing goes on closing
            }
        }
        onFailure.accept(cause);
        synchronized (this) {
            failure = cause;
            notifyAll();
        }
        wakeWaiters.run();
    }

    /** The failure as callers see it, waiting until the failing thread has fenced the store. */
    WriteAheadLogException published() {
        synchronized (this) {
            while (failure == null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new WriteAheadLogException("Interrupted while the write-ahead log was failing", e);
                }
            }
        }
        return new WriteAheadLogException("The write-ahead log in " + folder + " failed (" + failure
                + "); the write was not acknowledged and the store is read-only until reopened", failure);
    }
}
