package io.filestore.internal.store;

import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;

/**
 * The commit stamp: a {@link StampedLock} write-locked only while a validated commit is applied to the
 * in-memory maps, so that multi-record readers see whole transactions only. Readers go optimistic
 * first ({@link #read}) and almost never wait; a read-only transaction's reads hold the read lock
 * ({@link #view}). Thread-safe.
 */
final class CommitStamp {

    private final StampedLock lock = new StampedLock();

    /**
     * Runs a read as {@code tx} sees the store: a read-only transaction's under the read lock (once,
     * however deeply reads nest), so that the committed state and the images its snapshot kept are seen
     * at one instant; any other (or none) runs as it is.
     */
    <T> T view(TransactionBuffer tx, Supplier<T> reader) {
        if (tx == null || !tx.isReadOnly() || tx.inView()) {
            return reader.get();
        }
        long stamp = lock.readLock();
        tx.enterView();
        try {
            return reader.get();
        } finally {
            tx.exitView();
            lock.unlockRead(stamp);
        }
    }

    /**
     * Runs a multi-step read so that it sees whole transactions only: optimistically first, and again
     * under the read lock if a commit was applied meanwhile.
     */
    <T> T read(Supplier<T> reader) {
        long stamp = lock.tryOptimisticRead();
        if (stamp != 0) {
            try {
                T result = reader.get();
                if (lock.validate(stamp)) {
                    return result;
                }
            } catch (RuntimeException inconsistent) {
                if (lock.validate(stamp)) {
                    throw inconsistent;
                }
            }
        }
        long readStamp = lock.readLock();
        try {
            return reader.get();
        } finally {
            lock.unlockRead(readStamp);
        }
    }

    /** Runs work that must see no commit being applied. */
    <T> T underReadLock(Supplier<T> work) {
        long stamp = lock.readLock();
        try {
            return work.get();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Applies a commit (or recovered state) while no reader holds the read lock. */
    void underWriteLock(Runnable apply) {
        long stamp = lock.writeLock();
        try {
            apply.run();
        } finally {
            lock.unlockWrite(stamp);
        }
    }
}
