package io.filestore.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.CollectionOptions;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.InvalidOptionsException;
import io.filestore.StorageException;
import io.filestore.StoreClosedException;
import io.filestore.StoreFencedException;
import io.filestore.StoreLockedException;
import io.filestore.StoreStatus;
import io.filestore.Strategy;
import io.filestore.Subscription;
import io.filestore.Transaction;
import io.filestore.TransactionListener;
import io.filestore.ValueListener;
import io.filestore.index.IndexFileFormat;
import io.filestore.io.FolderLock;
import io.filestore.io.FolderWatcher;
import io.filestore.io.FolderLockedException;
import io.filestore.io.StorageIO;
import io.filestore.json.Json;
import io.filestore.io.AtomicFiles;
import io.filestore.persist.FlushJournal;
import io.filestore.persist.IndexFiles;
import io.filestore.persist.LayoutManifest;
import io.filestore.persist.PersistContext;
import io.filestore.persist.Persisters;
import io.filestore.persist.Quarantine;
import io.filestore.persist.RecordFileNames;
import io.filestore.persist.ValuesFile;
import io.filestore.wal.WriteAheadLog;
import tools.jackson.databind.JsonNode;

/**
 * The {@link FileStore}: wires the collections, the committer, the flusher and the persistence layer
 * together, and owns the open/close lifecycle.
 */
public final class Store implements FileStore {

    /** The lock file's name in the data folder. */
    public static final String LOCK_FILE = "_filestore.lock";

    private static final Logger log = LoggerFactory.getLogger(Store.class);

    private final FileStoreOptions options;
    private final StorageIO io;
    private final Json json;
    private final ExecutorService pool;
    private final ScheduledExecutorService scheduler;
    private final ScheduledExecutorService expiryTicker;
    private final PersistContext persistContext;
    private final FlushJournal journal;
    private final IndexFiles indexFiles;
    private final IndexFileFormat indexFormat;
    private final ValuesFile valuesFile;
    private final LayoutManifest manifest;
    private final Migration migration;
    private final ValueState values = new ValueState();
    private final Listeners listeners = new Listeners();
    private final Committer committer;
    private final Flusher flusher;
    private final Map<String, StoreCollection> collections = new ConcurrentHashMap<>();
    private final ExpiryQueue expiry = new ExpiryQueue();
    private volatile boolean closed;
    private volatile String fencedReason;
    private volatile ExternalEdits externalEdits;
    private FolderWatcher watcher;
    private FolderLock lock;
    private WriteAheadLog wal;

    private Store(FileStoreOptions options) {
        this.options = options;
        this.io = options.storageIO();
        this.json = new Json(options.jsonMapper());
        int parallelism = Math.max(4, Runtime.getRuntime().availableProcessors());
        this.pool = Executors.newFixedThreadPool(parallelism, daemonThreads("filestore-io"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("filestore-flusher"));
        this.expiryTicker = Executors.newSingleThreadScheduledExecutor(daemonThreads("filestore-expiry"));
        AtomicFiles files = new AtomicFiles(io, pool, parallelism);
        this.persistContext = new PersistContext(options.dataDir(), io, json, files, pool, parallelism,
                new Quarantine(io, options.dataDir()));
        this.journal = new FlushJournal(io, files, options.dataDir());
        this.indexFiles = new IndexFiles(persistContext);
        this.indexFormat = new IndexFileFormat(options.jsonMapper());
        this.valuesFile = new ValuesFile(persistContext);
        this.manifest = new LayoutManifest(persistContext);
        this.migration = new Migration(manifest, persistContext, json);
        this.committer = new Committer(values, listeners, json);
        this.flusher = new Flusher(() -> collections.values().stream().map(StoreCollection::state).toList(),
                values, committer, journal, files, valuesFile, indexFormat);
    }

    /** Opens a store; see {@link FileStore#open(FileStoreOptions)}. */
    public static Store open(FileStoreOptions options) {
        Store store = new Store(options);
        try {
            store.start();
            return store;
        } catch (RuntimeException | Error e) {
            store.abandon();
            throw e;
        }
    }

    private void start() {
        Path dataDir = options.dataDir();
        try {
            io.createDirectories(dataDir);
            lock = io.lockFolder(dataDir, LOCK_FILE);
        } catch (FolderLockedException e) {
            throw new StoreLockedException(e.folder(), e.getMessage(), e);
        } catch (IOException e) {
            throw new StorageException("Cannot open data folder", dataDir, e);
        }
        persistContext.files().deleteTempFiles(dataDir);
        long started = System.nanoTime();
        wal = WriteAheadLog.open(io, persistContext.files(), dataDir, options.fsyncInterval());
        manifest.load();
        loadInParallel(List.copyOf(options.collections().values()));
        values.all().putAll(valuesFile.load());
        boolean recovered = new Recovery(journal, wal, committer, values, this::collection, json).run();
        wal.start(this::fence);
        committer.logTo(wal);
        flusher.checkpointTo(wal);
        if (recovered) {
            flusher.flush();
        }
        new IndexFileCheck(indexFiles, indexFormat, persistContext.files())
                .run(collections.values().stream().map(StoreCollection::state).toList());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        log.info("FileStore opened {} with {} collection(s) in {} ms", dataDir, collections.size(), millis);
        long interval = options.flushInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::backgroundFlush, interval, interval, TimeUnit.MILLISECONDS);
        options.collections().values().stream().map(CollectionOptions::ttl).filter(java.util.Objects::nonNull)
                .min(java.time.Duration::compareTo).ifPresent(this::startExpiry);
        if (options.watch()) {
            startWatching();
        }
    }

    /**
     * Loads the declared collections side by side; each also spreads its files over the I/O pool, so
     * these loader threads only wait and never take an I/O thread away from the files.
     */
    private void loadInParallel(List<CollectionOptions> declared) {
        if (declared.size() <= 1) {
            declared.forEach(this::load);
            return;
        }
        ExecutorService loaders = Executors.newFixedThreadPool(Math.min(declared.size(), 4), daemonThreads("filestore-open"));
        try {
            List<java.util.concurrent.CompletableFuture<StoreCollection>> loads = declared.stream()
                    .map(c -> java.util.concurrent.CompletableFuture.supplyAsync(() -> load(c), loaders)).toList();
            for (java.util.concurrent.CompletableFuture<StoreCollection> load : loads) {
                try {
                    load.join();
                } catch (java.util.concurrent.CompletionException e) {
                    if (e.getCause() instanceof RuntimeException cause) {
                        throw cause;
                    }
                    throw e;
                }
            }
        } finally {
            loaders.shutdown();
        }
    }

    private StoreCollection load(CollectionOptions collectionOptions) {
        checkPathIsFree(collectionOptions);
        migration.migrateIfMoved(collectionOptions);
        CollectionState state = new CollectionState(collectionOptions,
                Persisters.forCollection(collectionOptions, persistContext), expiry);
        boolean indexed = !state.indexes().isEmpty();
        state.persister().load((id, node) -> {
            state.records().put(id, json.toBytes(node)); // a concurrent map: loader threads need no lock here
            if (indexed) {
                List<List<Object>> keys = state.indexes().keysOf(node);
                synchronized (state) { // indexes take one writer at a time
                    state.indexes().add(id, keys);
                }
            }
        });
        UniqueCheck.warnAboutDuplicates(state);
        StoreCollection collection = new StoreCollection(state, this, committer, json);
        collections.put(collectionOptions.name(), collection);
        return collection;
    }

    private void checkPathIsFree(CollectionOptions candidate) {
        if (!candidate.strategy().isPersistent()) {
            return;
        }
        Path path = candidate.resolvePath(options.dataDir());
        for (StoreCollection existing : collections.values()) {
            CollectionOptions other = existing.options();
            if (other.strategy().isPersistent() && other.resolvePath(options.dataDir()).equals(path)) {
                throw new InvalidOptionsException("collections." + candidate.name() + ".path", path,
                        "a path no other collection uses (collection '" + other.name() + "' uses it already)");
            }
        }
    }

    @Override
    public Path dataDir() {
        return options.dataDir();
    }

    @Override
    public DocumentCollection collection(String name) {
        StoreCollection collection = collections.get(name);
        if (collection != null) {
            return collection;
        }
        CollectionOptions defaults = options.collection(name); // validates the name
        synchronized (this) {
            collection = collections.get(name);
            if (collection == null) {
                ensureOpen();
                collection = load(defaults);
            }
            return collection;
        }
    }

    @Override
    public Set<String> collectionNames() {
        return new TreeSet<>(collections.keySet());
    }

    @Override
    public <T> T callInTransaction(Function<Transaction, T> work) {
        TransactionBuffer outer = committer.current();
        if (outer != null) {
            try {
                return work.apply(outer);
            } catch (RuntimeException | Error e) {
                outer.markNestedFailure();
                throw e;
            }
        }
        TransactionBuffer tx = (TransactionBuffer) begin();
        try {
            T result = work.apply(tx);
            if (tx.isRollbackRequestedOnly()) {
                tx.rollback(); // like Spring's TransactionTemplate: an explicit request rolls back quietly
            } else if (!tx.isEnded()) {
                tx.commit();
            }
            return result;
        } finally {
            tx.rollback();
        }
    }

    @Override
    public Transaction begin() {
        TransactionBuffer tx = committer.begin();
        if (closed) {
            tx.rollback();
            throw new StoreClosedException(options.dataDir().toString());
        }
        if (fencedReason != null) {
            tx.rollback();
            throw new StoreFencedException(options.dataDir().toString(), fencedReason);
        }
        return tx;
    }

    @Override
    public Optional<Transaction> currentTransaction() {
        return Optional.ofNullable(committer.current());
    }

    @Override
    public Optional<JsonNode> getValue(String key) {
        byte[] bytes = valueBytes(key);
        return bytes == null ? Optional.empty() : Optional.of(json.parse(bytes));
    }

    @Override
    public <T> Optional<T> getValue(String key, Class<T> type) {
        byte[] bytes = valueBytes(key);
        return bytes == null ? Optional.empty() : Optional.of(json.read(bytes, type));
    }

    @Override
    public void setValue(String key, Object value) {
        RecordFileNames.validate(key);
        byte[] bytes = json.toBytes(json.toTree(value));
        runInTransaction(tx -> committer.current().writeValue(key, bytes));
    }

    @Override
    public boolean deleteValue(String key) {
        RecordFileNames.validate(key);
        return callInTransaction(tx -> {
            if (valueBytes(key) == null) {
                return false;
            }
            committer.current().writeValue(key, null);
            return true;
        });
    }

    @Override
    public Set<String> valueKeys() {
        Set<String> keys = committer.read(() -> new HashSet<>(values.all().keySet()));
        TransactionBuffer tx = committer.current();
        if (tx != null) {
            tx.values().forEach((key, bytes) -> {
                if (bytes == null) {
                    keys.remove(key);
                } else {
                    keys.add(key);
                }
            });
        }
        return keys;
    }

    @Override
    public Subscription onValue(String key, ValueListener listener) {
        return listeners.onValue(key, listener);
    }

    @Override
    public Subscription onTransaction(TransactionListener listener) {
        return listeners.onTransaction(listener);
    }

    @Override
    public void flush() {
        ensureOpen();
        if (fencedReason != null) {
            throw new StoreFencedException(options.dataDir().toString(), fencedReason);
        }
        flusher.flush();
    }

    @Override
    public StoreStatus status() {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> dirty = new TreeMap<>();
        collections.forEach((name, collection) -> {
            counts.put(name, collection.state().records().size());
            dirty.put(name, collection.state().dirtyIds().size());
        });
        FlushStatistics stats = flusher.statistics();
        List<String> quarantined = persistContext.quarantine().entries().stream()
                .map(entry -> entry.original() + " -> " + entry.movedTo() + ": " + entry.problem()).toList();
        return new StoreStatus(options.dataDir(), !closed, committer.lastSequence(), counts, dirty,
                stats.flushCount(), stats.lastFlushAt(), stats.lastDuration(), stats.failures(), stats.lastError(),
                quarantined, fencedReason != null, fencedReason, wal.statistics(),
                externalEdits == null ? List.of() : externalEdits.rejected());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (watcher != null) {
            watcher.close();
        }
        committer.exclusively(() -> closed = true);
        expiryTicker.shutdownNow();
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (fencedReason != null) {
                // a fenced store writes nothing more; reopening recovers what the log made durable
                throw new StoreFencedException(options.dataDir().toString(), fencedReason);
            }
            flusher.flush();
            log.info("FileStore closed {}", options.dataDir());
        } finally {
            abandon();
        }
    }

    Listeners listeners() {
        return listeners;
    }

    void ensureOpen() {
        if (closed) {
            throw new StoreClosedException(options.dataDir().toString());
        }
    }

    private byte[] valueBytes(String key) {
        TransactionBuffer tx = committer.current();
        if (tx != null && tx.hasValue(key)) {
            return tx.value(key);
        }
        return values.get(key);
    }

    /**
     * Watches the folders of the declared {@code file-per-record} collections (collections first used
     * later are not watched). {@code -Dfilestore.watch.polling=true} forces the polling fallback.
     */
    private void startWatching() {
        Map<Path, StoreCollection> byFolder = new java.util.HashMap<>();
        collections.values().stream()
                .filter(c -> c.options().strategy() == Strategy.FILE_PER_RECORD && c.options().persister() == null)
                .forEach(c -> byFolder.put(c.options().resolvePath(options.dataDir()), c));
        externalEdits = new ExternalEdits(byFolder, io, json);
        watcher = new FolderWatcher(List.copyOf(byFolder.keySet()), externalEdits::onChange, 1000,
                Boolean.getBoolean("filestore.watch.polling"));
    }

    /**
     * Expires TTL records on their own thread, so a long flush never delays them: each tick (a tenth of
     * the shortest TTL, between 10 ms and 1 s) deletes the records whose deadline passed, in one
     * transaction, so indexes follow and listeners hear DELETED changes.
     */
    private void startExpiry(java.time.Duration shortestTtl) {
        long tick = Math.max(10, Math.min(1000, shortestTtl.toMillis() / 10));
        expiryTicker.scheduleWithFixedDelay(this::expireDue, tick, tick, TimeUnit.MILLISECONDS);
    }

    private void expireDue() {
        List<ExpiryQueue.Deadline> due = expiry.takeDue(System.nanoTime());
        if (due.isEmpty() || closed || fencedReason != null) {
            return;
        }
        try {
            runInTransaction(tx -> {
                for (ExpiryQueue.Deadline deadline : due) {
                    if (deadline.collection().isStillWrittenAt(deadline.id(), deadline.writtenAt())) {
                        collection(deadline.collection().name()).delete(deadline.id());
                    }
                }
            });
        } catch (RuntimeException e) {
            log.warn("Expiring {} record(s) in {} failed; they are retried at the next tick", due.size(), options.dataDir(), e);
            due.forEach(expiry::add);
        }
    }

    /** Turns the store read-only after a write-ahead log failure; reopening recovers. */
    private void fence(Throwable cause) {
        fencedReason = String.valueOf(cause);
        log.error("FileStore on {} is now read-only: the write-ahead log failed. Close and reopen it to recover.",
                options.dataDir(), cause);
    }

    private void backgroundFlush() {
        if (fencedReason != null) {
            return;
        }
        try {
            flusher.flush();
        } catch (RuntimeException e) {
            log.warn("FileStore flush of {} failed; the changes stay in memory and are retried at the next flush",
                    options.dataDir(), e);
        }
    }

    /** Releases threads and the folder lock without flushing. */
    private void abandon() {
        closed = true;
        if (watcher != null) {
            watcher.close();
        }
        expiryTicker.shutdownNow();
        scheduler.shutdownNow();
        if (wal != null) {
            try {
                wal.close();
            } catch (RuntimeException e) {
                log.warn("Cannot close the write-ahead log of {}", options.dataDir(), e);
            }
        }
        pool.shutdown();
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                log.warn("Cannot release the lock of {}", options.dataDir(), e);
            }
            lock = null;
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
