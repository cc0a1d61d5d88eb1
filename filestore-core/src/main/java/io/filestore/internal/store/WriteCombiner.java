package io.filestore.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import io.filestore.ChangeSet;

/**
 * Commits the single-record writes made outside a transaction by flat combining: a writer queues its
 * write, and whichever writer holds the writer mutex commits every queued write, each as its own
 * transaction with its own sequence, then waits for their group's fsync and wakes their writers.
 *
 * <p>Why: with a mutex handed from writer to writer, every durable write cost two context switches (one
 * to take the mutex, one to hear of the fsync), and on 2 cores those switches, not the disk, bounded 64
 * concurrent writers. Here a queued writer is woken once, when its write is durable (or failed); the
 * combiner applies the batch in one hold of the mutex with its caches warm; and the mutex is released
 * before the fsync, so the next combiner fills the next group while this one's is forced. What a writer
 * observes is unchanged: its write is its own transaction, a failure (a duplicate key, a closed store)
 * reaches only its writer, and listeners run on its writer's thread once it is durable.
 *
 * <p>The invariant that no queued write is stranded: a writer queues before it tries the mutex, and
 * every release of the mutex ({@link #release}) then wakes the oldest queued writer, which takes the
 * mutex and combines. So a writer that failed to take the mutex is woken by the holder it failed on.
 */
final class WriteCombiner {

    /** One queued write, its writer, and what became of it. */
    static final class Request {
        final CollectionState collection;
        final String id;
        final PendingWrite write;
        /** Throws, under the mutex, when the store takes no writes. */
        final Runnable admit;
        final Thread writer = Thread.currentThread();
        /** Set while its combiner still holds it: applying, or waiting for its fsync. */
        volatile boolean taken;
        volatile boolean done;
        Applied applied;
        Throwable failure;
        /** The combiner found a reason to commit it on its writer's own thread (a commit hook). */
        boolean runAlone;

        Request(CollectionState collection, String id, PendingWrite write, Runnable admit) {
            this.collection = collection;
            this.id = id;
            this.write = write;
            this.admit = admit;
        }

        /** What the write changed; valid once {@link WriteCombiner#commit} returned true. */
        ChangeSet changes() {
            return applied.changes();
        }
    }

    /** The result of applying one request under the mutex: what it applied, or {@code null} to run it alone. */
    @FunctionalInterface
    interface Applier {
        @Nullable Applied apply(Request request);
    }

    /**
     * Applies a whole batch at once (a shared store: one database transaction for the batch), setting
     * each request's {@code applied}, {@code failure} or {@code runAlone}; durable when it returns.
     */
    @FunctionalInterface
    interface BatchApplier {
        void applyAll(List<Request> batch);
    }

    private final ReentrantLock writerMutex;
    private final Applier applier;
    private volatile @Nullable BatchApplier batchApplier;
    private final ConcurrentLinkedQueue<Request> queue = new ConcurrentLinkedQueue<>();

    WriteCombiner(ReentrantLock writerMutex, Applier applier) {
        this.writerMutex = writerMutex;
        this.applier = applier;
    }

    /**
     * Commits the write, combined with other writers' writes, and returns once it is durable.
     *
     * @return false when the combiner handed the write back, to be committed on this thread
     * @throws RuntimeException what committing the write threw (a duplicate key, a closed store, a log failure)
     */
    boolean commit(Request request) {
        queue.add(request);
        boolean interrupted = false;
        while (!request.done) {
            if (!request.taken && writerMutex.tryLock()) {
                combine();
                continue;
            }
            LockSupport.park(this);
            interrupted |= Thread.interrupted(); // a queued write is not abandoned half-way: re-assert below
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (request.runAlone) {
            return false;
        }
        if (request.failure != null) {
            throw rethrow(request.failure);
        }
        request.applied.awaitDurable(); // returns at once unless the log failed before covering it
        return true;
    }

    /** From now on applies each batch whole through {@code batches} instead of one request at a time. */
    void applyBatchesWith(BatchApplier batches) {
        this.batchApplier = batches;
    }

    /**
     * Releases the writer mutex; every holder must release it here, so that a write queued while the
     * mutex was held finds a combiner.
     */
    void release() {
        writerMutex.unlock();
        Request oldest = queue.peek();
        if (oldest != null) {
            LockSupport.unpark(oldest.writer);
        }
    }

    /** Holding the mutex: applies every queued write, releases the mutex, waits for their fsync, wakes them. */
    private void combine() {
        BatchApplier batches = batchApplier;
        if (batches != null) {
            combineWhole(batches);
            return;
        }
        List<Request> batch = new ArrayList<>();
        try {
            Applied lastLogged = null;
            try {
                for (Request request = queue.poll(); request != null; request = queue.poll()) {
                    batch.add(request);
                    request.taken = true;
                    Applied applied = applyOne(request);
                    if (applied != null && applied.isLogged()) {
                        lastLogged = applied;
                    }
                }
            } finally {
                release();
            }
            if (lastLogged != null) {
                awaitQuietly(lastLogged); // covers the whole batch: it was logged in sequence order
            }
        } finally {
            for (Request request : batch) {
                request.done = true;
                LockSupport.unpark(request.writer);
            }
        }
    }

    /** Holding the mutex: takes every queued write, applies them as one batch, releases the mutex, wakes them. */
    private void combineWhole(BatchApplier batches) {
        List<Request> batch = new ArrayList<>();
        try {
            try {
                for (Request request = queue.poll(); request != null; request = queue.poll()) {
                    batch.add(request);
                    request.taken = true;
                }
                batches.applyAll(batch);
            } catch (RuntimeException | Error e) {
                for (Request request : batch) {
                    if (request.applied == null && !request.runAlone && request.failure == null) {
                        request.failure = e;
                    }
                }
            } finally {
                release();
            }
        } finally {
            for (Request request : batch) {
                request.done = true;
                LockSupport.unpark(request.writer);
            }
        }
    }

    /** A log failure is not reported here: each writer asks the log about its own write (some may be durable). */
    private static void awaitQuietly(Applied applied) {
        try {
            applied.awaitDurable();
        } catch (RuntimeException failed) {
            // reported to each writer whose write it left not durable
        }
    }

    private @Nullable Applied applyOne(Request request) {
        try {
            Applied applied = applier.apply(request);
            if (applied == null) {
                request.runAlone = true;
            }
            request.applied = applied;
            return applied;
        } catch (RuntimeException | Error e) {
            request.failure = e;
            return null;
        }
    }

    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return (RuntimeException) failure;
    }
}
