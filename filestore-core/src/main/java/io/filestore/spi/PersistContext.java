package io.filestore.spi;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.function.LongSupplier;

import io.filestore.CollectionOptions;

/**
 * What the store lends every persister, the built-in ones and a {@link PersisterFactory}'s alike: the
 * I/O seam, the JSON codec, the atomic writer, the I/O thread pool, the quarantine, and what the
 * write-ahead log proves about the files. Implemented by the store; immutable and thread-safe.
 */
public interface PersistContext {

    /** The store's data folder, absolute and normalized. */
    Path dataDir();

    /** The I/O seam: a persister that reads or writes the disk does it through this, never through {@code java.nio.file}. */
    StorageIO io();

    /** Encodes and parses records as the store does, with its JSON limits. */
    JsonCodec json();

    /** Replaces files atomically, and clears the temporary files a crash left behind. */
    AtomicFileWriter files();

    /** Threads for parallel reads and fsyncs; a persister must not shut it down. */
    ExecutorService pool();

    /** How many tasks to spread parallel work over (at least 1). */
    int parallelism();

    /** Where malformed files go, so that one bad file never stops the others from loading. */
    Quarantine quarantine();

    /**
     * The write-ahead log's checkpoint as the store found it at open: every flush up to it completed, so
     * a file written by one of them that is found cut short was changed afterwards; a flush above it may
     * have been cut short by a crash, and the log or the flush journal replays it.
     * {@link Long#MAX_VALUE} (nothing provably unacknowledged) until the log is open.
     */
    LongSupplier checkpointAtOpen();

    /**
     * The built-in persister of the options' strategy and format, their {@code persister} ignored: for a
     * {@link PersisterFactory} that wraps or decorates what the store would use anyway.
     *
     * @throws io.filestore.MissingDependencyException for a {@code compressed} collection when zstd-jni
     *                                                 (optional) cannot be loaded
     */
    CollectionPersister builtIn(CollectionOptions options);
}
