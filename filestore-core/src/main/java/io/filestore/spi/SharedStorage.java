package io.filestore.spi;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Where a shared store keeps its collections and values: a database that several store instances,
 * usually in several processes, commit to and follow (the {@code filestore-postgres} module's
 * {@code PostgresSharedStorage}). Set with {@code FileStoreOptions.Builder.shared}; the store calls it,
 * users do not.
 *
 * <p>The protocol: at open, {@link #open} (schema, instance registered) and one {@link #snapshot}; each
 * write transaction a {@link #beginWrite session} that holds the cross-instance writer lock and first
 * catches up; a follow thread that waits in {@link #awaitChange}, reads {@link #changesAfter} and
 * {@link #heartbeat}s. Every method may throw {@link io.filestore.SharedStoreUnavailableException} when
 * the database cannot be reached; the store retries later. Implementations must be thread-safe.
 */
public interface SharedStorage {

    /** What was committed after a sequence, in sequence order, or that it is no longer all there. */
    record Changes(List<SharedChange> changes, boolean behindTrimPoint) {

        public Changes {
            changes = List.copyOf(changes);
        }
    }

    /** Receives the records and values of a snapshot. */
    interface SnapshotSink {

        /** A record of a collection, as compact JSON. */
        void record(String collection, String id, byte[] document);

        /** A global value, as compact JSON. */
        void value(String key, byte[] document);
    }

    /**
     * Creates or migrates the schema and registers this instance in the instances table.
     *
     * @throws io.filestore.InvalidOptionsException when the database holds a newer schema than this code knows
     */
    void open(String instanceId);

    /**
     * Reads, in one consistent view, every record of the given collections (creating their tables when
     * missing) and, when {@code withValues}, every global value; returns the sequence the view is as of.
     */
    long snapshot(Set<String> collections, boolean withValues, SnapshotSink sink);

    /** Begins a write session: a database transaction holding the store's cross-instance writer lock. */
    SharedWriteSession beginWrite();

    /** What was committed after {@code sequence}, read outside any session. */
    Changes changesAfter(long sequence);

    /**
     * Waits up to {@code timeout} for another instance's commit notification; returns early on one, and at
     * once when one arrived since the last call.
     */
    void awaitChange(Duration timeout) throws InterruptedException;

    /** Records that this instance is alive and has applied up to {@code appliedSequence}, and trims what all have applied. */
    void heartbeat(long appliedSequence);

    /** Unregisters this instance and releases what it holds (not a user-given data source). */
    void close();
}
