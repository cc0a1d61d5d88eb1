package io.filestore.internal.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.CollectionOptions;
import io.filestore.CommitHook;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreException;
import io.filestore.FileStoreOptions;
import io.filestore.StorageException;
import io.filestore.StoreLockedException;
import io.filestore.StoreState;
import io.filestore.StoreStatus;
import io.filestore.Subscription;
import io.filestore.Transaction;
import io.filestore.TransactionListener;
import io.filestore.TransactionTimeoutException;
import io.filestore.ValueListener;
import io.filestore.internal.index.IndexFileFormat;
import io.filestore.internal.io.AtomicFiles;
import io.filestore.internal.json.Json;
import io.filestore.internal.persist.FlushJournal;
import io.filestore.internal.persist.IndexFiles;
import io.filestore.internal.persist.LayoutManifest;
import io.filestore.internal.persist.QuarantineFolder;
import io.filestore.internal.persist.StorePersistContext;
import io.filestore.internal.persist.ValuesFile;
import io.filestore.internal.wal.WriteAheadLog;
import io.filestore.spi.FolderLock;
import io.filestore.spi.FolderLockedException;
import io.filestore.spi.StorageIO;
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
    private final Expirer expirer;
    private final StoreValues storeValues;
    private final CollectionLoader loader;
    private final StorePersistContext persistContext;
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
    private final Lifecycle lifecycle;
    private volatile LockWatch lockWatch;
    private volatile ExternalEdits externalEdits;
    private FolderLock lock;
    private WriteAheadLog wal;
    private volatile long checkpointAtOpen = Long.MAX_VALUE; // until the log is open, nothing is proven unacknowledged

    private Store(FileStoreOptions options) {
        this.options = options;
        this.lifecycle = new Lifecycle(options.dataDir());
        this.io = options.storageIO();
        this.json = new Json(options.jsonMapper());
        int parallelism = Math.max(4, Runtime.getRuntime().availableProcessors());
        this.pool = Executors.newFixedThreadPool(parallelism, DaemonThreads.named("filestore-io"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("filestore-flusher"));
        AtomicFiles files = new AtomicFiles(io, pool, parallelism);
        this.persistContext = new StorePersistContext(options.dataDir(), io, json, files, pool, parallelism,
                new QuarantineFolder(io, options.dataDir()), () -> checkpointAtOpen);
        this.journal = new FlushJournal(io, files, options.dataDir());
        this.indexFiles = new IndexFiles(persistContext);
        this.indexFormat = new IndexFileFormat(options.jsonMapper());
        this.valuesFile = new ValuesFile(persistContext);
        this.manifest = new LayoutManifest(persistContext);
        this.migration = new Migration(manifest, persistContext, json);
        this.committer = new Committer(values, listeners, json);
        this.loader = new CollectionLoader(options.dataDir(), persistContext, migration, expiry, json, collections,
                state -> new StoreCollection(state, this, committer, json));
        this.storeValues = new StoreValues(values, committer, json, this::callInTransaction);
        this.expirer = new Expirer(expiry, lifecycle::takesWrites, this::expire);
        this.flusher = new Flusher(() -> collections.values().stream().map(StoreCollection::state).toList(),
                values, committer, journal, files, valuesFile, indexFormat, this::checkFilesWritable);
    }

    /** Opens a store; see {@link FileStore#open(FileStoreOptions)}. */
    public static Store open(FileStoreOptions options) {
        Store store = new Store(options);
        try {
            store.start();
            store.lifecycle.opened();
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
        lockWatch = new LockWatch(lock, lock.folder().resolve(LOCK_FILE), this::raiseFence);
        lockWatch.start();
        persistContext.files().deleteTempFiles(dataDir);
        long started = System.nanoTime();
        wal = WriteAheadLog.open(io, persistContext.files(), dataDir, options.fsyncInterval(), options.acceptLogLoss());
        checkpointAtOpen = wal.checkpointSequence();
        manifest.load();
        loader.loadInParallel(List.copyOf(options.collections().values()));
        values.all().putAll(valuesFile.load());
        Recovery recovery = new Recovery(journal, wal, committer, values, this::collection, json);
        boolean recovered = recovery.run();
        flusher.checkpointTo(wal);
        if (recovered || !wal.acceptedLoss().isEmpty()) {
            // before the log's writer starts: the segments this flush covers are gone before a new one takes room
            flusher.flushRecovered(recovery.journaledCollections());
        }
        wal.sealAcceptedLoss(committer.lastSequence());
        wal.start(this::fence);
        committer.logTo(wal);
        new IndexFileCheck(indexFiles, indexFormat, persistContext.files(), pool)
                .run(collections.values().stream().map(StoreCollection::state).toList());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        log.info("FileStore opened {} with {} collection(s) in {} ms", dataDir, collections.size(), millis);
        long interval = options.flushInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::backgroundFlush, interval, interval, TimeUnit.MILLISECONDS);
        options.collections().values().stream().map(CollectionOptions::ttl).filter(java.util.Objects::nonNull)
                .min(java.time.Duration::compareTo).ifPresent(expirer::start);
        if (options.watch()) {
            externalEdits = ExternalEdits.watch(collections.values(), options.dataDir(), io, json);
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
                collection = loader.load(defaults);
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
        return admitted(committer.begin());
    }

    @Override
    public Transaction begin(Duration maxWait) {
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative, not " + maxWait);
        }
        TransactionBuffer tx;
        try {
            tx = committer.begin(maxWait.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FileStoreException("Interrupted while waiting to begin a write transaction on " + options.dataDir(), e);
        }
        if (tx == null) {
            throw new TransactionTimeoutException(options.dataDir().toString(), maxWait);
        }
        return admitted(tx);
    }

    @Override
    public Transaction beginReadOnly() {
        ensureOpen();
        return committer.beginReadOnly();
    }

    /** The transaction just begun, ended again when the store takes no writes. */
    private Transaction admitted(TransactionBuffer tx) {
        try {
            checkWritable();
        } catch (RuntimeException e) {
            tx.rollback();
            throw e;
        }
        return tx;
    }

    /** Under the writer mutex: throws when the store takes no more writes. */
    void checkWritable() {
        lifecycle.ensureWritable();
    }

    @Override
    public Optional<Transaction> currentTransaction() {
        return Optional.ofNullable(committer.current());
    }

    @Override
    public Optional<JsonNode> getValue(String key) {
        return storeValues.get(key);
    }

    @Override
    public <T> Optional<T> getValue(String key, Class<T> type) {
        return storeValues.get(key, type);
    }

    @Override
    public void setValue(String key, Object value) {
        storeValues.set(key, value);
    }

    @Override
    public boolean deleteValue(String key) {
        return storeValues.delete(key);
    }

    @Override
    public Set<String> valueKeys() {
        return storeValues.keys();
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
    public Subscription beforeCommit(CommitHook hook) {
        return committer.addHook(hook);
    }

    @Override
    public void flush() {
        lifecycle.ensureWritable();
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
        StoreState state = lifecycle.state();
        return new StoreStatus(options.dataDir(), !state.isClosed(), committer.lastSequence(), counts, dirty,
                stats.flushCount(), stats.lastFlushAt(), stats.lastDuration(), stats.failures(), stats.lastError(),
                quarantined, lifecycle.isFenced(), lifecycle.fencedReason(), wal.statistics(),
                externalEdits == null ? List.of() : externalEdits.rejected(), state);
    }

    @Override
    public void close() {
        if (lifecycle.state().isClosed()) {
            return;
        }
        if (externalEdits != null) {
            externalEdits.close();
        }
        committer.exclusively(lifecycle::closing);
        expirer.close();
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            // a fenced store writes nothing more; reopening recovers what the log made durable
            lifecycle.ensureNotFenced();
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
        lifecycle.ensureOpen();
    }

    /** Deletes the records of due deadlines that were not written again since, in one transaction. */
    private void expire(List<ExpiryQueue.Deadline> due) {
        runInTransaction(tx -> {
            for (ExpiryQueue.Deadline deadline : due) {
                if (deadline.collection().isStillWrittenAt(deadline.id(), deadline.writtenAt())) {
                    collection(deadline.collection().name()).delete(deadline.id());
                }
            }
        });
    }

    /** Turns the store read-only after a write-ahead log failure; reopening recovers. */
    private void fence(Throwable cause) {
        raiseFence("the write-ahead log failed: " + cause);
        log.error("FileStore on {} is now read-only: the write-ahead log failed. Close and reopen it to recover.",
                options.dataDir(), cause);
    }

    /** Turns the store read-only for the reason given; the first reason stays. */
    private void raiseFence(String reason) {
        lifecycle.fence(reason);
    }

    /** For the flusher, before it writes files: throws when the store is fenced, checking the folder lock first. */
    private void checkFilesWritable() {
        LockWatch watch = lockWatch;
        if (watch != null) {
            watch.check();
        }
        lifecycle.ensureNotFenced();
    }

    private void backgroundFlush() {
        if (lifecycle.isFenced()) {
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
        lifecycle.closed();
        if (externalEdits != null) {
            externalEdits.close();
        }
        expirer.close();
        scheduler.shutdownNow();
        if (lockWatch != null) {
            lockWatch.close();
        }
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
}
