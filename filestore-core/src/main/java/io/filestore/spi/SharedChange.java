package io.filestore.spi;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One committed transaction of a shared store, as its change entry holds it: every shared record and
 * global value it changed, each as its full new image (or a delete), so applying an entry twice is
 * harmless.
 *
 * @param sequence      the store-wide sequence: the previous entry's plus one, given under the
 *                      cross-instance writer lock
 * @param transactionId a random id that tells, after a connection lost during commit, whether this
 *                      transaction is the one that committed
 * @param entries       the changes, in the order they were made
 */
public record SharedChange(long sequence, UUID transactionId, List<Entry> entries) {

    public SharedChange {
        entries = List.copyOf(entries);
    }

    /**
     * One changed record or value.
     *
     * @param collection the collection, or {@code null} for a global value
     * @param id         the record id, or the value's key
     * @param document   the new image as compact JSON, or {@code null} for a delete
     */
    public record Entry(@Nullable String collection, String id, byte @Nullable [] document) {

        /** Whether this entry is a global value rather than a record. */
        public boolean isValue() {
            return collection == null;
        }
    }
}
