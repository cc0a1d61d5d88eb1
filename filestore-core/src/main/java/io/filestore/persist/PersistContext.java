package io.filestore.persist;

import io.filestore.io.AtomicFiles;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

import io.filestore.io.StorageIO;
import io.filestore.json.Json;

/**
 * What every persister shares: the I/O seam, the JSON codec, the atomic writer, the I/O thread
 * pool and the quarantine. Immutable.
 *
 * @param dataDir     the store's data folder
 * @param io          every disk access goes through it
 * @param json        encodes and parses records
 * @param files       the atomic batch writer
 * @param pool        threads for parallel reads and fsyncs
 * @param parallelism how many tasks to spread parallel work over
 * @param quarantine  where malformed files go
 */
public record PersistContext(Path dataDir, StorageIO io, Json json, AtomicFiles files, ExecutorService pool,
                             int parallelism, Quarantine quarantine) {
}
