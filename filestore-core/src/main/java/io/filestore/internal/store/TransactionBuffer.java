package io.filestore.internal.store;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.filestore.ChangeSet;
import io.filestore.ReadOnlyTransactionException;
import io.filestore.Transaction;

/**
 * What one open transaction overlays on the committed state, which every read on its thread consults
 * first.
 *
 * <p>For a write transaction: its writes, in write order, with the last image per record winning. Only
 * its own thread touches it.
 *
 * <p>For a read-only transaction: the images, as they were when it began, of the records and values
 * committed since (the first change of each wins), so that its reads see its snapshot. The committer
 * adds them under the commit stamp's write lock and its thread reads them under the read lock
 * ({@link Committer#view}), so the two never overlap.
 */
final class TransactionBuffer implements Transaction {

    private final Committer committer;
    private final boolean readOnly;
    private final Map<CollectionState, Map<String, PendingWrite>> records = new LinkedHashMap<>();
    private final Map<String, byte[]> values = new LinkedHashMap<>();
    private boolean rollbackOnly;
    private boolean nestedFailure;
    private boolean ended;
    private int viewDepth; // read-only: how many reads of its thread hold the commit stamp's read lock for it

    TransactionBuffer(Committer committer) {
        this(committer, false);
    }

    TransactionBuffer(Committer committer, boolean readOnly) {
        this.committer = committer;
        this.readOnly = readOnly;
    }

    /** The pending image of a record, or {@code null} when this transaction has not written it. */
    @Nullable PendingWrite pending(CollectionState collection, String id) {
        Map<String, PendingWrite> writes = records.get(collection);
        return writes == null ? null : writes.get(id);
    }

    /** This transaction's writes to a collection, id -> image; empty when none. */
    Map<String, PendingWrite> writes(CollectionState collection) {
        Map<String, PendingWrite> writes = records.get(collection);
        return writes == null ? Map.of() : writes;
    }

    void write(CollectionState collection, String id, PendingWrite write) {
        if (readOnly) {
            throw ReadOnlyTransactionException.record(collection.name(), id);
        }
        records.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(id, write);
    }

    /** Read-only, under the commit stamp's write lock: keeps a record's image from before its first change since. */
    void keep(CollectionState collection, String id, PendingWrite before) {
        records.computeIfAbsent(collection, c -> new LinkedHashMap<>()).putIfAbsent(id, before);
    }

    /** Read-only, under the commit stamp's write lock: keeps a value from before its first change since. */
    void keepValue(String key, byte[] before) {
        if (!values.containsKey(key)) {
            values.put(key, before);
        }
    }

    /** Whether the transaction has written this value key, and so {@link #value} decides it. */
    boolean hasValue(String key) {
        return values.containsKey(key);
    }

    byte @Nullable [] value(String key) {
        return values.get(key);
    }

    void writeValue(String key, byte[] bytes) {
        if (readOnly) {
            throw ReadOnlyTransactionException.value(key);
        }
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
    public boolean isReadOnly() {
        return readOnly;
    }

    /** Whether this thread holds the commit stamp's read lock for this read-only transaction now. */
    boolean inView() {
        return viewDepth > 0;
    }

    void enterView() {
        viewDepth++;
    }

    void exitView() {
        viewDepth--;
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
