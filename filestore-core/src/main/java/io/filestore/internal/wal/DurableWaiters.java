package io.filestore.internal.wal;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import io.filestore.WriteAheadLogException;

/**
 * The threads waiting for their commit's sequence to become durable, by sequence. Each waiter parks on
 * its own and is woken alone: a shared monitor's notifyAll woke every writer after every fsync and made
 * them re-enter the monitor one after the other, so with many writers on few cores each fsync was
 * followed by one serialized hand-off per waiting writer. Thread-safe.
 */
final class DurableWaiters {

    private final ConcurrentSkipListMap<Long, Thread> waiters = new ConcurrentSkipListMap<>();

    /**
     * Sleeps until woken, unless {@code stillWaiting} (checked once registered, so that a leader that
     * finishes in between finds this waiter) says there is nothing to wait for.
     *
     * @throws WriteAheadLogException when the thread is interrupted (its interrupt status is kept)
     */
    void park(long sequence, BooleanSupplier stillWaiting) {
        Thread self = Thread.currentThread();
        waiters.put(sequence, self);
        try {
            if (!stillWaiting.getAsBoolean()) {
                return;
            }
            LockSupport.park(this);
            if (Thread.interrupted()) {
                self.interrupt();
                throw new WriteAheadLogException("Interrupted while waiting for the write-ahead log", null);
            }
        } finally {
            waiters.remove(sequence);
        }
    }

    /**
     * After a force: wakes the waiters it made durable, and the first one it did not, to lead the next
     * group (the others sleep on until a force covers them).
     */
    void wakeAfterForce(long durable) {
        for (Thread covered : waiters.headMap(durable, true).values()) {
            LockSupport.unpark(covered);
        }
        Map.Entry<Long, Thread> next = waiters.higherEntry(durable);
        if (next != null) {
            LockSupport.unpark(next.getValue());
        }
    }

    /** Wakes every waiter, to re-check (after a failure). */
    void wakeAll() {
        waiters.values().forEach(LockSupport::unpark);
    }
}
