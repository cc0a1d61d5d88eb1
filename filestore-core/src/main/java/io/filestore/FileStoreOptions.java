package io.filestore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.filestore.internal.json.Json;
import io.filestore.internal.json.JsonLimits;
import io.filestore.spi.SharedStorage;
import io.filestore.spi.StorageIO;
import tools.jackson.databind.json.JsonMapper;

/**
 * The immutable, validated settings of a store.
 *
 * @param dataDir       the data folder; created when missing
 * @param flushInterval how often changed records are written to disk; default 2 s, must be positive
 * @param fsyncInterval how long a write-ahead-logged write may wait for its fsync: 0 (the default) fsyncs
 *                      before every write returns, so it survives power loss; a positive interval returns
 *                      once the write is in the OS (it survives a process crash) and fsyncs at least that
 *                      often, like SQLite's {@code synchronous=NORMAL}
 * @param collections   the declared collections by name; a collection used but not declared gets
 *                      {@link CollectionOptions#builder(String) default options}
 * @param jsonMapper    the Jackson mapper for typed access ({@code put(Object)}, {@code get(id, Class)})
 * @param storageIO     the I/O seam; {@link StorageIO#nio()} unless a test replaces it
 * @param watch         whether record files that other programs add, edit or delete in
 *                      {@code file-per-record} collection folders are picked up while the store is open;
 *                      default false
 * @param acceptLogLoss whether an open may proceed when the write-ahead log is missing transactions it
 *                      held (a segment deleted or cut); default false, which refuses the open with a
 *                      {@link WriteAheadLogLossException}. When true the store opens with what is left,
 *                      logs the loss as an error and reports it in {@code status().wal().acceptedLoss()}
 * @param maxDirtyRecords how many records, over all collections, may be changed in memory and not yet
 *                      written to their files (those a flush is writing count; those of a one-file
 *                      collection its next flush rewrites whole do not) before a committing writer
 *                      waits for the flusher; 0 means no bound. Default {@value #DEFAULT_MAX_DIRTY_RECORDS}
 *                      (see {@link Builder#maxDirtyRecords})
 * @param maxUnflushedLogBytes how many bytes of the write-ahead log may lie above its checkpoint (logged
 *                      but not yet in the record files, so replayed after a crash) before a committing
 *                      writer waits for the flusher; 0 means no bound. Default
 *                      {@value #DEFAULT_MAX_UNFLUSHED_LOG_BYTES} (64 MiB; see {@link Builder#maxUnflushedLogBytes})
 * @param shared        the shared store's database, or {@code null} for a store of its own (see
 *                      {@link Builder#shared}); when set, every collection that is not {@code memory-only}
 *                      is {@link Strategy#SHARED shared}
 */
public record FileStoreOptions(Path dataDir, Duration flushInterval, Duration fsyncInterval,
                               Map<String, CollectionOptions> collections,
                               JsonMapper jsonMapper, StorageIO storageIO, boolean watch, boolean acceptLogLoss,
                               int maxDirtyRecords, long maxUnflushedLogBytes, @Nullable SharedStorage shared) {

    /** The default flush interval: 2 seconds. */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(2);

    /**
     * The default bound on dirty records. A close writes them all, so it is the number of record files
     * the slowest strategy (file-per-record) writes in a few seconds on a modest disk: a close after any
     * load then ends within seconds.
     */
    public static final int DEFAULT_MAX_DIRTY_RECORDS = 4_096;

    /** The default bound on the write-ahead log above its checkpoint: 64 MiB, four segments. */
    public static final long DEFAULT_MAX_UNFLUSHED_LOG_BYTES = 64L * 1024 * 1024;

    /** Validates; use {@link #builder(Path)} to build one. */
    public FileStoreOptions {
        if (dataDir == null) {
            throw new InvalidOptionsException("data-dir", null, "a folder path");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
        if (flushInterval == null || flushInterval.isNegative() || flushInterval.isZero()) {
            throw new InvalidOptionsException("flush-interval", flushInterval, "a positive duration such as 2s");
        }
        if (fsyncInterval == null || fsyncInterval.isNegative()) {
            throw new InvalidOptionsException("wal.fsync-interval", fsyncInterval, "0 or a positive duration such as 200ms");
        }
        collections = Map.copyOf(SharedCollections.resolve(collections, shared != null));
        Objects.requireNonNull(jsonMapper, "jsonMapper");
        JsonLimits.checkReadableFiles(jsonMapper);
        Objects.requireNonNull(storageIO, "storageIO");
        if (maxDirtyRecords < 0) {
            throw new InvalidOptionsException("max-dirty-records", maxDirtyRecords,
                    "0 (no bound) or a positive number of records such as " + DEFAULT_MAX_DIRTY_RECORDS);
        }
        if (maxUnflushedLogBytes < 0) {
            throw new InvalidOptionsException("wal.max-unflushed-size", maxUnflushedLogBytes,
                    "0 (no bound) or a positive size such as 64MB");
        }
        checkNoSharedPaths(dataDir, collections);
    }

    /** Starts options for a store in the given data folder, with the defaults. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /**
     * The mapper FileStore uses when none is given: Jackson's defaults, unknown properties ignored. It is
     * immutable and shared; {@code defaultJsonMapper().rebuild()} starts a customized one from it.
     */
    public static JsonMapper defaultJsonMapper() {
        return Json.defaultMapper();
    }

    /** The declared options of a collection, or the defaults for an undeclared one. */
    public CollectionOptions collection(String name) {
        CollectionOptions declared = collections.get(name);
        if (declared != null) {
            return declared;
        }
        CollectionOptions.Builder defaults = CollectionOptions.builder(name);
        return (shared != null ? defaults.strategy(Strategy.SHARED) : defaults).build();
    }

    private static void checkNoSharedPaths(Path dataDir, Map<String, CollectionOptions> collections) {
        Map<Path, String> owners = new HashMap<>();
        for (CollectionOptions options : collections.values()) {
            if (!options.strategy().isPersistent()) {
                continue;
            }
            Path path = options.resolvePath(dataDir);
            String other = owners.putIfAbsent(path, options.name());
            if (other != null) {
                throw new InvalidOptionsException("collections." + options.name() + ".path", path,
                        "a path no other collection uses (collection '" + other + "' uses it already)");
            }
        }
    }

    /** Builds {@link FileStoreOptions}; not thread-safe. */
    public static final class Builder {
        private final Path dataDir;
        private Duration flushInterval = DEFAULT_FLUSH_INTERVAL;
        private Duration fsyncInterval = Duration.ZERO;
        private final List<CollectionOptions> collections = new ArrayList<>();
        private JsonMapper jsonMapper;
        private StorageIO storageIO = StorageIO.nio();
        private boolean watch;
        private boolean acceptLogLoss;
        private int maxDirtyRecords = DEFAULT_MAX_DIRTY_RECORDS;
        private long maxUnflushedLogBytes = DEFAULT_MAX_UNFLUSHED_LOG_BYTES;
        private @Nullable SharedStorage shared;

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        /** How often changed records are written to disk; default 2 s. */
        public Builder flushInterval(Duration flushInterval) {
            this.flushInterval = flushInterval;
            return this;
        }

        /** How long a logged write may wait for its fsync; default 0 (fsync before returning). */
        public Builder fsyncInterval(Duration fsyncInterval) {
            this.fsyncInterval = fsyncInterval;
            return this;
        }

        /** Declares a collection. */
        public Builder collection(CollectionOptions options) {
            collections.add(options);
            return this;
        }

        /** The Jackson mapper for typed access; default: a plain {@link JsonMapper} that ignores unknown properties. */
        public Builder jsonMapper(JsonMapper jsonMapper) {
            this.jsonMapper = jsonMapper;
            return this;
        }

        /** Picks up record files edited by other programs while the store is open; default false. */
        public Builder watch(boolean watch) {
            this.watch = watch;
            return this;
        }

        /**
         * Lets the next open proceed when the write-ahead log is missing transactions it held (a segment
         * file deleted or cut), accepting their loss; default false, which refuses such an open. Set it
         * for one open, after reading the refusal's message: the loss is then written into the
         * checkpoint, and later opens need it no more.
         */
        public Builder acceptLogLoss(boolean acceptLogLoss) {
            this.acceptLogLoss = acceptLogLoss;
            return this;
        }

        /**
         * Bounds the records changed in memory and not yet written to their files, over all collections
         * (those a flush is writing count); default {@value FileStoreOptions#DEFAULT_MAX_DIRTY_RECORDS}, 0 for no bound.
         * A writer whose commit finds the bound reached waits, after its commit is durable and before it
         * returns, until the flusher has written the backlog down to half the bound; it never fails
         * because of it. The flusher starts early once half the bound is reached. Every dirty record is
         * written by {@code close()}, so the bound caps how long a close takes; a bound below the number
         * of records one transaction changes only makes that transaction's writer wait for a flush.
         */
        public Builder maxDirtyRecords(int maxDirtyRecords) {
            this.maxDirtyRecords = maxDirtyRecords;
            return this;
        }

        /**
         * Bounds the bytes of write-ahead log above its checkpoint: transactions logged but not yet in the
         * record files, which an open after a crash replays. Default 64 MiB, 0 for no bound. A writer
         * that finds it reached waits, as for {@link #maxDirtyRecords}, until a flush's checkpoint brings
         * it under half the bound. It bounds the log's disk use and the replay after a crash.
         */
        public Builder maxUnflushedLogBytes(long maxUnflushedLogBytes) {
            this.maxUnflushedLogBytes = maxUnflushedLogBytes;
            return this;
        }

        /**
         * Makes this a shared store: several instances (usually in several processes) on one database,
         * which is the commit point and the source of truth, while each instance keeps every shared
         * collection in memory and reads locally. Every collection that is not {@code memory-only}
         * becomes {@link Strategy#SHARED shared} (a declared {@code file-per-record} collection without a
         * path, the default, included); one declared with a local layout ({@code single-file},
         * {@code compressed}, a path or a persister of its own) is refused, so that no transaction spans
         * two engines. {@code memory-only} collections stay local to each instance. The data folder
         * stays the instance's own: it holds the folder lock (one instance per folder) and nothing shared.
         */
        public Builder shared(SharedStorage shared) {
            this.shared = shared;
            return this;
        }

        /** Replaces the I/O layer; meant for fault-injection tests. */
        public Builder storageIO(StorageIO storageIO) {
            this.storageIO = storageIO;
            return this;
        }

        /** Validates and builds. @throws InvalidOptionsException naming the bad option */
        public FileStoreOptions build() {
            Map<String, CollectionOptions> byName = new LinkedHashMap<>();
            for (CollectionOptions options : collections) {
                if (byName.putIfAbsent(options.name(), options) != null) {
                    throw new InvalidOptionsException("collections", options.name(), "each collection name once");
                }
            }
            JsonMapper mapper = jsonMapper != null ? jsonMapper : defaultJsonMapper();
            return new FileStoreOptions(dataDir, flushInterval, fsyncInterval, byName, mapper, storageIO, watch, acceptLogLoss,
                    maxDirtyRecords, maxUnflushedLogBytes, shared);
        }
    }
}
