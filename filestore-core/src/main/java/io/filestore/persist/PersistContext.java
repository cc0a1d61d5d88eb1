package io.filestore.persist;

import io.filestore.io.AtomicFiles;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;

import io.filestore.io.StorageIO;
import io.filestore.json.Json;

/**
 * What every persister shares: the I/O seam, the JSON codec, the atomic writer, the I/O thread
 * pool, the quarantine, and what the write-ahead log proves about the files. Immutable.
 *
 * @param dataDir     the store's data folder
 * @param io          every disk access goes through it
 * @param json        encodes and parses records
 * @param files       the atomic batch writer
 * @param pool        threads for parallel reads and fsyncs
 * @param parallelism how many tasks to spread parallel work over
 * @param quarantine  where malformed files go
 * @param checkpointAtOpen the write-ahead log's checkpoint as the store found it at open: every flush
 *                    up to it completed, so a file written by one of them that is found cut short was
 *                    changed afterwards; a flush above it may have been cut short by a crash, and the log
 *                    or the flush journal replays it. {@link Long#MAX_VALUE} (nothing provably
 *                    unacknowledged) until the log is open.
 */
public record PersistContext(Path dataDir, StorageIO io, Json json, AtomicFiles files, ExecutorService pool,
                             int parallelism, Quarantine quarantine, LongSupplier checkpointAtOpen) {
}
