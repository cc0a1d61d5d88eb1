package io.filestore;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a store's health and statistics.
 *
 * @param dataDir            the data folder
 * @param open               false once closed
 * @param lastSequence       the sequence number of the last committed transaction (0 for none yet)
 * @param recordCounts       records per collection
 * @param dirtyRecords       records changed in memory and not yet flushed, per collection
 * @param flushCount         flushes that wrote something since open
 * @param lastFlushAt        when the last successful flush ended; {@code null} before the first
 * @param lastFlushDuration  how long it took; {@link Duration#ZERO} before the first
 * @param flushFailures      failed flushes since open (the changes stay dirty and are retried)
 * @param lastFlushError     the last failure's message, or {@code null}
 * @param quarantinedFiles   malformed files moved aside since open, as "original -> new path: problem"
 * @param fenced             whether the store turned read-only after a write-ahead log failure or the loss of its folder lock
 * @param fencedReason       why, or {@code null}
 * @param wal                the write-ahead log's figures
 * @param rejectedEdits      outside edits of watched record files that were refused, as "file: problem"
 * @param state              where the store is in its life; {@code open} and {@code fenced} follow from it
 *                           and the fence (a fenced store that was closed is {@code CLOSED} and fenced)
 * @param writeBacklog       what the flusher has yet to write, its bounds, and the writers' waits for it
 * @param indexes            each collection's indexes (indexed fields, then unique ones); a collection without
 *                           indexes maps to an empty list
 * @param shared             the link to the shared store's database, or {@code null} for a store that is not shared
 */
public record StoreStatus(Path dataDir, boolean open, long lastSequence, Map<String, Integer> recordCounts,
                          Map<String, Integer> dirtyRecords, long flushCount, Instant lastFlushAt,
                          Duration lastFlushDuration, long flushFailures, String lastFlushError,
                          List<String> quarantinedFiles, boolean fenced, String fencedReason, WalStatus wal,
                          List<String> rejectedEdits, StoreState state, WriteBacklogStatus writeBacklog,
                          Map<String, List<IndexStatus>> indexes,
                          @Nullable SharedStatus shared) {
}
