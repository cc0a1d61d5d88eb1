package io.filestore.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.PriorityBlockingQueue;

/**
 * Deadlines of {@code memory-only} records with a TTL, soonest first. Every write of such a record adds
 * a deadline stamped with the write's time; a deadline whose record was written again since is stale
 * and skipped when it comes due. So an expiry tick costs O(k log n) for the k deadlines due, never a
 * scan of the collection. Thread-safe.
 */
final class ExpiryQueue {

    /** When a record written at {@code writtenAt} expires. Times are {@link System#nanoTime()}. */
    record Deadline(long at, CollectionState collection, String id, long writtenAt) implements Comparable<Deadline> {
        @Override
        public int compareTo(Deadline other) {
            return Long.compare(at, other.at);
        }
    }

    private final PriorityBlockingQueue<Deadline> deadlines = new PriorityBlockingQueue<>();

    void add(Deadline deadline) {
        deadlines.add(deadline);
    }

    /** Removes and returns the deadlines due at {@code now}. */
    List<Deadline> takeDue(long now) {
        List<Deadline> due = new ArrayList<>();
        Deadline next;
        while ((next = deadlines.peek()) != null && next.at() - now <= 0) {
            Deadline taken = deadlines.poll();
            if (taken != null) {
                due.add(taken);
            }
        }
        return due;
    }

    int size() {
        return deadlines.size();
    }
}
