package io.filestore;

import java.util.UUID;

/**
 * The connection to the shared store's database was lost while it committed a transaction, so at that
 * moment nobody could say whether it committed. It is not a "failed": the store resolves it on
 * reconnect from the change table (by the transaction's id) and, if it did commit, applies it like any
 * other instance's commit, so listeners hear of it then. A caller that must know looks for its effect
 * once {@code status().shared().writable()} is true again.
 */
public class CommitOutcomeUnknownException extends SharedStoreUnavailableException {

    private final transient UUID transactionId;
    private final long sequence;

    public CommitOutcomeUnknownException(UUID transactionId, long sequence, Throwable cause) {
        super("The connection to the shared store was lost while committing transaction " + transactionId
                + " (sequence " + sequence + "); it may or may not have committed. The store applies it if it did,"
                + " once the database is reachable again", cause);
        this.transactionId = transactionId;
        this.sequence = sequence;
    }

    /** The id written into the transaction's change entry. */
    public UUID transactionId() {
        return transactionId;
    }

    /** The sequence the transaction would have (and, if it committed, has). */
    public long sequence() {
        return sequence;
    }
}
