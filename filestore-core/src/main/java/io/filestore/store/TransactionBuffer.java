package io.filestore.store;

import java.util.LinkedHashMap;
import java.util.Map;

import io.filestore.ChangeSet;
import io.filestore.Transaction;

/**
 * The writes of one open transaction, in write order, with the last image per record winning. Only
 * its own thread touches it.
 */
final class TransactionBuffer implements Transaction {

    private final Committer committer;
    private final Map<CollectionState, Map<String, PendingWrite>> records = new LinkedHashMap<>();
    private final Map<String, byte[]> values = new LinkedHashMap<>();
    private boolean rollbackOnly;
    private boolean nestedFailure;
    private boolean ended;

    TransactionBuffer(Committer committer) {
        this.committer = committer;
    }

    /** The pending image of a record, or {@code null} when this transaction has not written it. */
    PendingWrite pending(CollectionState collection, String id) {
        Map<String, PendingWrite> writes = records.get(collection);
        return writes == null ? null : writes.get(id);
    }

    /** This transaction's writes to a collection, id -> image; empty when none. */
    Map<String, PendingWrite> writes(CollectionState collection) {
        Map<String, PendingWrite> writes = records.get(collection);
        return writes == null ? Map.of() : writes;
    }

    void write(CollectionState collection, String id, PendingWrite write) {
        records.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(id, write);
    }

    /** Whether the transaction has written this value key, and so {@link #value} decides it. */
    boolean hasValue(String key) {
        return values.containsKey(key);
    }

    byte[] value(String key) {
        return values.get(key);
    }

    void writeValue(String key, byte[] bytes) {
        values.put(key, bytes);
    }

    Map<CollectionState, Map<String, PendingWrite>> records() {
        return records;
    }

    Map<String, byte[]> values() {
        return values;
    }

    boolean isEmpty() {
        return records.isEmpty() && values.isEmpty();
    }

    @Override
    public ChangeSet commit() {
        if (ended) {
            throw new IllegalStateException("Transaction already ended");
        }
        ended = true;
        return committer.commit(this);
    }

    @Override
    public void rollback() {
        if (!ended) {
            ended = true;
            committer.end(this);
        }
    }

    @Override
    public void setRollbackOnly() {
        rollbackOnly = true;
    }

    @Override
    public boolean isRollbackOnly() {
        return rollbackOnly || nestedFailure;
    }

    /** Records that a nested block failed: committing must then fail loudly, not roll back silently. */
    void markNestedFailure() {
        nestedFailure = true;
    }

    /** Whether only the caller's own {@link #setRollbackOnly()} (not a nested failure) asks for rollback. */
    boolean isRollbackRequestedOnly() {
        return rollbackOnly && !nestedFailure;
    }

    @Override
    public boolean isEnded() {
        return ended;
    }

    @Override
    public void close() {
        rollback();
    }
}
