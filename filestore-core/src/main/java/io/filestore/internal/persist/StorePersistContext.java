package io.filestore.internal.persist;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;

import io.filestore.CollectionOptions;
import io.filestore.internal.io.AtomicFiles;
import io.filestore.internal.json.Json;
import io.filestore.spi.CollectionPersister;
import io.filestore.spi.PersistContext;
import io.filestore.spi.StorageIO;

/**
 * The store's {@link PersistContext}, with the concrete types the built-in persisters use beyond what
 * the SPI promises. Immutable.
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
public record StorePersistContext(Path dataDir, StorageIO io, Json json, AtomicFiles files, ExecutorService pool,
                                  int parallelism, QuarantineFolder quarantine, LongSupplier checkpointAtOpen)
        implements PersistContext {

    @Override
    public CollectionPersister builtIn(CollectionOptions options) {
        return Persisters.builtIn(options, this);
    }
}
