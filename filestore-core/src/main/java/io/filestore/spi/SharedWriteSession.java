package io.filestore.spi;

/**
 * One write transaction of a shared store in its database: begun holding the store's cross-instance
 * writer lock, so no other instance commits until it ends. The store uses one session per write
 * transaction (or per batch of combined writes), from one thread, under its writer mutex.
 */
public interface SharedWriteSession extends AutoCloseable {

    /** What other instances committed after {@code sequence}; read under the writer lock, so it is the whole rest. */
    SharedStorage.Changes changesAfter(long sequence);

    /** Writes the transaction's rows and its change entry (with a notification to the other instances); not committed yet. */
    void write(SharedChange change);

    /**
     * Commits: after it returns the change is the source of truth. Throws
     * {@link io.filestore.CommitOutcomeUnknownException} when the connection was lost during the commit
     * itself, {@link io.filestore.SharedStoreUnavailableException} when it is known not committed.
     */
    void commit();

    /** Ends the session, rolling back whatever was not committed; never throws. */
    @Override
    void close();
}
