package io.filestore.internal.wal;

import java.nio.file.Path;
import java.util.function.Consumer;

import io.filestore.WriteAheadLogException;

/**
 * The log's failure state. Once failing, the log stays failed: no write or force happens afterwards
 * (a retried fsync can report success for pages the kernel already dropped). The store is fenced
 * before the failure is published, so whoever hears of it finds the store fenced. Thread-safe.
 */
final class LogFailure {

    private final Path folder;
    private final Consumer<Throwable> onFailure;
    private volatile boolean failing;
    private volatile Throwable failure;

    LogFailure(Path folder, Consumer<Throwable> onFailure) {
        this.folder = folder;
        this.onFailure = onFailure;
    }

    /** Whether the log stopped (the failure may still be on its way to being published). */
    boolean isFailing() {
        return failing;
    }

    /** The published failure, or {@code null}. */
    Throwable failure() {
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
