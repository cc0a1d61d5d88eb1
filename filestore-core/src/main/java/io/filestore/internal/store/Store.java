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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.BackupProgress;
import io.filestore.BackupResult;
import io.filestore.CollectionOptions;
import io.filestore.CommitHook;
import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.IndexStatus;
import io.filestore.StorageException;
import io.filestore.StoreLockedException;
import io.filestore.StoreState;
import io.filestore.StoreStatus;
import io.filestore.Strategy;
import io.filestore.Subscription;
import io.filestore.Transaction;
import io.filestore.TransactionListener;
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
 * together, and runs the open protocol ({@link #open}, step by step) and the close. Its state is a
 * {@link Lifecycle}; transactions begin in {@link Transactions}, and its background threads are
 * {@link BackgroundWork}.
 */
public final class Store implements FileStore {

    /** The lock file's name in the data folder. */
    public static final String LOCK_FILE = "_filestore.lock";

    private static final Logger log = LoggerFactory.getLogger(Store.class);

    private final FileStoreOptions options;
    private final StorageIO io;
    private final Json json;
    private final ExecutorService pool;
    private final BackgroundWork background;
    private final StoreValues storeValues;
    private final CollectionLoader loader;
    private final StorePersistContext persistContext;
    private final FlushJournal journal;
    private final IndexFiles indexFiles;
    private final IndexFileFormat indexFormat;
    private final ValuesFile valuesFile;
    private final LayoutManifest manifest;
    private final ValueState values;
    private final Listeners listeners = new Listeners();
    private final @Nullable SharedSync shared;
    private final WriteBacklog backlog;
    private final Committer committer;
    private final Transactions transactions;
    private final Flusher flusher;
    private final Backup backup;
    /** What the index file check rewrote at open, for {@link FolderCheck}. */
    private final List<String> indexRepairs = new CopyOnWriteArrayList<>();
    private final Map<String, StoreCollection> collections = new ConcurrentHashMap<>();
    private final Lifecycle lifecycle;
    private final Object closeMonitor = new Object();
    private FolderLock lock;
    private @Nullable WriteAheadLog wal;
    private volatile long checkpointAtOpen = Long.MAX_VALUE; // until the log is open, nothing is proven unacknowledged

    private Store(FileStoreOptions options) {
        this.options = options;
        this.lifecycle = new Lifecycle(options.dataDir());
        this.io = options.storageIO();
        this.values = new ValueState(options.shared() == null); // a shared store's values live in its database
        this.json = new Json(options.jsonMapper());
        int parallelism = Math.max(4, Runtime.getRuntime().availableProcessors());
        this.pool = Executors.newFixedThreadPool(parallelism, DaemonThreads.named("filestore-io"));
        AtomicFiles files = new AtomicFiles(io, pool, parallelism);
        this.persistContext = new StorePersistContext(options.dataDir(), io, json, files, pool, parallelism,
                new QuarantineFolder(io, options.dataDir()), () -> checkpointAtOpen);
        this.journal = new FlushJournal(io, files, options.dataDir());
        this.indexFiles = new IndexFiles(persistContext);
        this.indexFormat = new IndexFileFormat(options.jsonMapper());
        this.valuesFile = new ValuesFile(persistContext);
        this.manifest = new LayoutManifest(persistContext);
        Migration migration = new Migration(manifest, persistContext, json);
        ExpiryQueue expiry = new ExpiryQueue();
        this.background = new BackgroundWork(expiry, lifecycle::takesWrites, this);
        this.backlog = new WriteBacklog(options.maxDirtyRecords(), options.maxUnflushedLogBytes(), collections.values(),
                () -> wal == null ? 0 : wal.unflushedBytes(), () -> lifecycle.state() == StoreState.OPEN,
                background::flushSoon);
        this.committer = new Committer(values, listeners, json, backlog);
        this.transactions = new Transactions(committer, lifecycle, options.dataDir());
        this.shared = options.shared() == null ? null
                : new SharedSync(options.shared(), committer, collections, values, listeners, json);
        this.loader = new CollectionLoader(options.dataDir(), persistContext, migration, expiry, json, collections,
                state -> new StoreCollection(state, this, committer, json), shared);
        this.storeValues = new StoreValues(values, committer, json, this::callInTransaction);
        this.flusher = new Flusher(this::collectionStates, values, committer, journal, files, valuesFile, indexFormat,
                this::checkFilesWritable, backlog, options.flushInterval());
        this.backup = new Backup(options.dataDir(), flusher, () -> wal, collections::values);
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

    /**
     * The open protocol (docs/reliability.md, "Replay is idempotent"): each step a method, in this order.
     * The log's writer starts only after recovery, so that the recovery flush's checkpoint drops the old
     * segments before a new one takes room.
     */
    private void start() {
        lockFolder();
        long started = System.nanoTime();
        long sharedSequence = shared == null ? 0 : shared.open(options.collections().values());
        openLog();
        loadFiles();
        recover();
        startLogging();
        if (shared != null) {
            shared.follow(sharedSequence);
        }
        checkIndexFiles();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        log.info("FileStore opened {} with {} collection(s) in {} ms", options.dataDir(), collections.size(), millis);
        background.start(options, this::backgroundFlush, collections.values(), json); // step 7
    }

    /** Step 1: the folder, its lock (watched from now on) and no temp file left by a crash. */
    private void lockFolder() {
        Path dataDir = options.dataDir();
        try {
            io.createDirectories(dataDir);
            lock = io.lockFolder(dataDir, LOCK_FILE);
        } catch (FolderLockedException e) {
            throw new StoreLockedException(e.folder(), e.getMessage(), e);
        } catch (IOException e) {
            throw new StorageException("Cannot open data folder", dataDir, e);
        }
        Backup.refuseIncomplete(io, dataDir);
        background.watchLock(lock, lock.folder().resolve(LOCK_FILE), lifecycle::fence);
        persistContext.files().deleteTempFiles(dataDir);
        Backup.deleteLeftoverStaging(dataDir);
    }

    /** Step 2: the write-ahead log, read but not yet written; its checkpoint tells persisters what completed. */
    private void openLog() {
        wal = WriteAheadLog.open(io, persistContext.files(), options.dataDir(), options.fsyncInterval(),
                options.acceptLogLoss());
        checkpointAtOpen = wal.checkpointSequence();
    }

    /** Step 3: the layout manifest, every declared collection (in parallel) and the global values. */
    private void loadFiles() {
        manifest.load();
        loader.loadInParallel(List.copyOf(options.collections().values()));
        values.all().putAll(valuesFile.load());
    }

    /**
     * Step 4: the log above the checkpoint replayed with an interrupted flush's journal, then, when
     * anything was recovered or lost, flushed, so the files hold it before the log's writer starts.
     */
    private void recover() {
        Recovery recovery = new Recovery(journal, wal, committer, values, this::collection, json);
        boolean recovered = recovery.run();
        flusher.checkpointTo(wal);
        if (recovered || !wal.acceptedLoss().isEmpty()) {
            flusher.flushRecovered(recovery.journaledCollections());
        }
        wal.sealAcceptedLoss(committer.lastSequence());
    }

    /** Step 5: the log's writer starts (its failure fences the store) and commits go to it. */
    private void startLogging() {
        wal.start(this::fence);
        committer.logTo(wal);
    }

    /** Step 6: index files that disagree with the records are rewritten (they are derived data). */
    private void checkIndexFiles() {
        new IndexFileCheck(indexFiles, indexFormat, persistContext.files(), pool, indexRepairs::add)
                .run(collections.values().stream().map(StoreCollection::state).toList());
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
        if (shared != null && defaults.strategy() == Strategy.SHARED) {
            // read from its table with no change applied meanwhile: writer mutex, then the store's monitor
            return committer.exclusively(() -> loadUndeclared(name, defaults));
        }
        return loadUndeclared(name, defaults);
    }

    private DocumentCollection loadUndeclared(String name, CollectionOptions defaults) {
        StoreCollection collection;
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
    public <T extends @Nullable Object> T callInTransaction(Function<Transaction, T> work) {
        return transactions.call(work);
    }

    @Override
    public Transaction begin() {
        return transactions.begin();
    }

    @Override
    public Transaction begin(Duration maxWait) {
        return transactions.begin(maxWait);
    }

    @Override
    public Transaction beginReadOnly() {
        return transactions.beginReadOnly();
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
    public BackupResult backup(Path target, BackupProgress progress) {
        lifecycle.ensureWritable();
        return backup.run(target, progress);
    }

    @Override
    public StoreStatus status() {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, Integer> dirty = new TreeMap<>();
        Map<String, List<IndexStatus>> indexes = new TreeMap<>();
        collections.forEach((name, collection) -> {
            counts.put(name, collection.state().records().size());
            dirty.put(name, collection.state().dirtyIds().size());
            indexes.put(name, collection.state().indexes().all().stream()
                    .map(index -> new IndexStatus(index.field(), index.isUnique(), index.keyCount())).toList());
        });
        FlushStatistics stats = flusher.statistics();
        List<String> quarantined = persistContext.quarantine().entries().stream()
                .map(entry -> entry.original() + " -> " + entry.movedTo() + ": " + entry.problem()).toList();
        StoreState state = lifecycle.state();
        return new StoreStatus(options.dataDir(), !state.isClosed(), committer.lastSequence(), counts, dirty,
                stats.flushCount(), stats.lastFlushAt(), stats.lastDuration(), stats.failures(), stats.lastError(),
                quarantined, lifecycle.isFenced(), lifecycle.fencedReason(), wal.statistics(),
                background.rejectedEdits(), state, backlog.status(), indexes, shared == null ? null : shared.status());
    }

    @Override
    public void close() {
        synchronized (closeMonitor) { // a second close waits for the first, then finds the store closed
            if (lifecycle.state().isClosed()) {
                return;
            }
            background.stopWatchingFiles();
            if (shared != null) {
                shared.stopFollowing(); // before the close takes the writer mutex
            }
            committer.exclusively(lifecycle::closing);
            backlog.progressed(); // writers waiting for the flusher return now; the close writes the backlog
            background.stopTimers();
            try {
                // a fenced store writes nothing more; reopening recovers what the log made durable
                lifecycle.ensureNotFenced();
                flusher.flush();
                log.info("FileStore closed {}", options.dataDir());
            } finally {
                abandon();
            }
        }
    }

    List<String> indexRepairs() {
        return indexRepairs;
    }

    Listeners listeners() {
        return listeners;
    }

    void ensureOpen() {
        lifecycle.ensureOpen();
    }

    /** Turns the store read-only after a write-ahead log failure; reopening recovers. */
    private void fence(Throwable cause) {
        lifecycle.fence("the write-ahead log failed: " + cause);
        log.error("FileStore on {} is now read-only: the write-ahead log failed. Close and reopen it to recover.",
                options.dataDir(), cause);
    }

    /** For the flusher, before it writes files: throws when the store is fenced, checking the folder lock first. */
    private void checkFilesWritable() {
        background.checkLock();
        lifecycle.ensureNotFenced();
    }

    /** A scheduled or early flush, asking for the next one at once while the backlog stays large; false when it failed. */
    private boolean backgroundFlush() {
        if (lifecycle.isFenced()) {
            return true;
        }
        try {
            flusher.flushInBackground();
        } catch (RuntimeException e) {
            log.warn("FileStore flush of {} failed; the changes stay in memory and are retried at the next flush",
                    options.dataDir(), e);
            return false;
        }
        if (backlog.needsFlush()) {
            background.flushSoon();
        }
        return true;
    }

    private List<CollectionState> collectionStates() {
        return collections.values().stream().map(StoreCollection::state).toList();
    }

    /** Releases threads and the folder lock without flushing. */
    private void abandon() {
        lifecycle.closed();
        if (shared != null) {
            shared.close(); // idempotent: a failed open stops following here
        }
        background.abandon();
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
