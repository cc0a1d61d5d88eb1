package io.filestore.internal.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.filestore.CollectionOptions;
import io.filestore.FileStore;
import io.filestore.FileStoreOptions;
import io.filestore.internal.json.Json;
import io.filestore.spi.FolderLock;

/**
 * The store's own background threads, besides the I/O pool and the log's interval forcer: the
 * flusher's schedule ({@code filestore-flusher}: every flush interval, and sooner on request while the
 * write backlog is large, see {@link #flushSoon}), the expirer of records with a time to live, the watch
 * on the folder lock, and the watch on record files that other programs edit. The lock watch starts
 * as soon as the folder is locked, the rest once the store is open; all stop at close. Thread-safe.
 */
final class BackgroundWork {

    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("filestore-flusher"));
    private final Expirer expirer;
    /** An early flush is queued and has not started yet: one at a time is enough. */
    private final AtomicBoolean flushRequested = new AtomicBoolean();
    private volatile @Nullable BooleanSupplier flush;
    private volatile boolean lastFlushFailed;
    private volatile LockWatch lockWatch;
    private volatile ExternalEdits externalEdits;

    /**
     * @param writable whether the store takes writes, checked before each expiry
     * @param store    where due records are deleted
     */
    BackgroundWork(ExpiryQueue expiry, BooleanSupplier writable, FileStore store) {
        this.expirer = new Expirer(expiry, writable, due -> expire(store, due));
    }

    /** Deletes the records of due deadlines that were not written again since, in one transaction. */
    private static void expire(FileStore store, List<ExpiryQueue.Deadline> due) {
        store.runInTransaction(tx -> {
            for (ExpiryQueue.Deadline deadline : due) {
                if (deadline.collection().isStillWrittenAt(deadline.id(), deadline.writtenAt())) {
                    store.collection(deadline.collection().name()).delete(deadline.id());
                }
            }
        });
    }

    /** Watches that the folder lock stays the store's; losing it fences the store for the reason given. */
    void watchLock(FolderLock lock, Path lockFile, Consumer<String> fence) {
        lockWatch = new LockWatch(lock, lockFile, fence);
        lockWatch.start();
    }

    /** Throws (and fences the store) when the folder lock is no longer the store's. */
    void checkLock() {
        LockWatch watch = lockWatch;
        if (watch != null) {
            watch.check();
        }
    }

    /**
     * Schedules the flush every flush interval, starts the expirer when a collection has a TTL, and the
     * folder watch. {@code flush} returns whether it succeeded.
     */
    void start(FileStoreOptions options, BooleanSupplier flush, Collection<StoreCollection> collections, Json json) {
        this.flush = flush;
        long interval = options.flushInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::runFlush, interval, interval, TimeUnit.MILLISECONDS);
        options.collections().values().stream().map(CollectionOptions::ttl).filter(Objects::nonNull)
                .min(Duration::compareTo).ifPresent(expirer::start);
        if (options.watch()) {
            externalEdits = ExternalEdits.watch(collections, options.dataDir(), options.storageIO(), json);
        }
    }

    /**
     * Runs a flush on the flusher thread now, ahead of the schedule, because the write backlog is large.
     * Ignored while one such request is queued, before the store is open, once it closes, and after a
     * failed flush: then the schedule retries at its interval, so that a failing disk is not hammered.
     */
    void flushSoon() {
        if (flush == null || lastFlushFailed || !flushRequested.compareAndSet(false, true)) {
            return;
        }
        try {
            scheduler.execute(() -> {
                flushRequested.set(false);
                runFlush();
            });
        } catch (RejectedExecutionException closing) {
            flushRequested.set(false);
        }
    }

    private void runFlush() {
        lastFlushFailed = !flush.getAsBoolean();
    }

    /** The outside edits the folder watch refused, as "file: problem". */
    List<String> rejectedEdits() {
        ExternalEdits edits = externalEdits;
        return edits == null ? List.of() : edits.rejected();
    }

    /** First step of a close: no more outside edits (an edit being applied completes). */
    void stopWatchingFiles() {
        ExternalEdits edits = externalEdits;
        if (edits != null) {
            edits.close();
        }
    }

    /** Next step of a close, once the store takes no writes: no more expiries, and the scheduled flush ends its run. */
    void stopTimers() {
        expirer.close();
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops everything at once, without waiting: the end of a close, or of an open that failed. */
    void abandon() {
        stopWatchingFiles();
        expirer.close();
        scheduler.shutdownNow();
        LockWatch watch = lockWatch;
        if (watch != null) {
            watch.close();
        }
    }
}
