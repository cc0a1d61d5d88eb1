package io.filestore.boot.autoconfigure.endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.IndexStatus;
import io.filestore.SharedStatus;
import io.filestore.StoreStatus;
import io.filestore.WalStatus;
import io.filestore.WriteBacklogStatus;

/**
 * What {@code GET /actuator/filestore} answers: a store's state as an operator reads it, taken from
 * {@link FileStore#status()} and each collection's options. Durations are ISO-8601 text
 * ({@code PT0.012S}) and instants ISO-8601 UTC, so the answer reads the same whatever JSON settings the
 * application uses.
 *
 * @param dataDir          the data folder
 * @param state            OPENING, OPEN, FENCED, CLOSING or CLOSED
 * @param fenced           whether the store turned read-only after a log failure or the loss of its lock
 * @param fencedReason     why, or {@code null}
 * @param lastSequence     the last committed transaction's sequence
 * @param collections      each collection by name
 * @param flush            the flusher's record
 * @param log              the write-ahead log and its checkpoint
 * @param writeBacklog     what the flusher has yet to write and the writers' waits for it
 * @param quarantinedFiles malformed files moved aside since open
 * @param rejectedEdits    outside edits of record files that were refused
 * @param shared           a shared store's link to its database (instance, writable, why not, applied
 *                         sequence), or {@code null} for a store of its own
 */
public record StoreDescriptor(String dataDir, String state, boolean fenced, @Nullable String fencedReason,
                              long lastSequence, Map<String, CollectionDescriptor> collections, FlushDescriptor flush,
                              LogDescriptor log, WriteBacklogStatus writeBacklog, List<String> quarantinedFiles,
                              List<String> rejectedEdits, @Nullable SharedStatus shared) implements OperationResponseBody {

    /** The store's state now. */
    static StoreDescriptor of(FileStore store) {
        StoreStatus status = store.status();
        Map<String, CollectionDescriptor> collections = new LinkedHashMap<>();
        status.recordCounts().forEach((name, records) ->
                collections.put(name, CollectionDescriptor.of(store.collection(name).options(), status)));
        return new StoreDescriptor(status.dataDir().toString(), status.state().name(), status.fenced(),
                status.fencedReason(), status.lastSequence(), collections, FlushDescriptor.of(status),
                LogDescriptor.of(status.wal()), status.writeBacklog(), status.quarantinedFiles(), status.rejectedEdits(),
                status.shared());
    }

    /**
     * One collection: its records, how it is stored and its indexes.
     *
     * @param records      how many records it holds
     * @param dirtyRecords records changed in memory and not yet written to their files
     * @param strategy     file-per-record, single-file, memory-only or compressed
     * @param wal          whether its writes go through the write-ahead log
     * @param indexes      its indexes, each with its distinct key count
     */
    public record CollectionDescriptor(int records, int dirtyRecords, String strategy, boolean wal,
                                       List<IndexStatus> indexes) implements OperationResponseBody {

        static CollectionDescriptor of(CollectionOptions options, StoreStatus status) {
            String name = options.name();
            return new CollectionDescriptor(status.recordCounts().getOrDefault(name, 0),
                    status.dirtyRecords().getOrDefault(name, 0), options.strategy().configName(),
                    options.wal(), status.indexes().getOrDefault(name, List.of()));
        }
    }

    /**
     * The flusher's record since the store opened.
     *
     * @param count        flushes that wrote something
     * @param lastAt       when the last successful one ended, or {@code null} before the first
     * @param lastDuration how long it took ({@code PT0S} before the first)
     * @param failures     failed flushes (their changes stay dirty and are retried)
     * @param lastError    the last failure's message, or {@code null}
     */
    public record FlushDescriptor(long count, @Nullable String lastAt, String lastDuration, long failures,
                                  @Nullable String lastError) {

        static FlushDescriptor of(StoreStatus status) {
            return new FlushDescriptor(status.flushCount(),
                    status.lastFlushAt() == null ? null : status.lastFlushAt().toString(),
                    status.lastFlushDuration().toString(), status.flushFailures(), status.lastFlushError());
        }
    }

    /**
     * The write-ahead log and its checkpoint.
     *
     * @param segments           segment files on disk
     * @param bytes              their total size
     * @param lastSequence       the last sequence written to the log
     * @param checkpointSequence the last sequence the record files cover: a restart replays what is above it
     * @param pendingWrites      appends waiting for the log writer
     * @param fsyncs             fsyncs of segment files since open
     * @param failure            why the log stopped accepting writes, or {@code null} while it is healthy
     * @param acceptedLoss       what this open found missing from the log and accepted to lose
     */
    public record LogDescriptor(int segments, long bytes, long lastSequence, long checkpointSequence,
                                int pendingWrites, long fsyncs, @Nullable String failure, List<String> acceptedLoss) {

        static LogDescriptor of(WalStatus wal) {
            return new LogDescriptor(wal.segments(), wal.bytes(), wal.lastSequence(), wal.checkpointSequence(),
                    wal.pendingWrites(), wal.fsyncCount(), wal.failure(), wal.acceptedLoss());
        }
    }
}
