package io.filestore.internal.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.filestore.ChangeSet;
import io.filestore.CommitHook;
import io.filestore.FileStoreException;
import io.filestore.Strategy;
import io.filestore.Subscription;
import io.filestore.UniqueConstraintException;
import io.filestore.ValueChange;
import io.filestore.internal.json.Json;
import io.filestore.internal.store.CommitPlan.Step;
import io.filestore.internal.wal.ChangeEntry;
import io.filestore.internal.wal.WriteAheadLog;
import io.filestore.spi.SharedChange;

/**
 * Turns transactions into committed state.
 *
 * <p>The concurrency model in three parts:
 * <ol>
 *   <li>a <b>writer mutex</b> admits one write transaction at a time, from {@code begin} to its end,
 *       so what a transaction reads cannot change under it (serializable) and commit-time checks see
 *       the state the commit will apply to; single-record writes made outside a transaction queue
 *       instead, and the mutex's holder commits them all, each as a transaction of its own
 *       ({@link WriteCombiner});</li>
 *   <li>the <b>commit stamp</b> ({@link StampedLock}) is write-locked only while a validated commit is
 *       applied to the in-memory maps, a few microseconds; multi-record readers use optimistic reads
 *       validated against it ({@link CommitStamp#read}), so they never see half a transaction and almost never
 *       wait;</li>
 *   <li>single-record reads need neither: a record's bytes are replaced atomically in a concurrent map.</li>
 * </ol>
 * A read-only transaction takes no part in the first: while it is open, each commit keeps for it,
 * under the commit stamp's write lock, the images its changes replace, and its reads run under the
 * read lock ({@link #view}), so they see the store as it was when it began.
 * <p>
 * A transaction that touches a collection with {@code wal: true} is appended to the write-ahead log,
 * whole (every persisted collection and value it changed), under the mutex so the log is in sequence
 * order, and then applied. The committing thread waits for its group's fsync after releasing the
 * mutex, so concurrent writers share fsyncs; the commit is acknowledged (returns, and listeners are
 * called) only once durable. Readers may see a logged transaction a moment before it is acknowledged;
 * if the log fails, the store fences itself and the write is reported as failed. When the flusher has
 * fallen behind, a writer waits once more between durability and its listeners, holding no lock
 * ({@link WriteBacklog}).
 * <p>
 * In a shared store ({@link SharedSync}) the database replaces the log: a write transaction's begin
 * also opens its database session (the cross-instance writer lock, then a catch-up), and its commit
 * writes the change there and commits before applying it in memory.
 */
final class Committer {

    private final ReentrantLock writerMutex = new ReentrantLock();
    private final WriteCombiner combiner = new WriteCombiner(writerMutex, this::applyAlone);
    private final CommitStamp commitStamp = new CommitStamp();
    private final ThreadLocal<TransactionBuffer> current = new ThreadLocal<>();
    // transactions bound to a thread now (one write transaction at most, and read-only ones). Every read
    // asks for this thread's transaction; while there is none anywhere, this field answers without the
    // thread-local map lookup (a thread with one sees its own increment)
    private final AtomicInteger bound = new AtomicInteger();
    // the open read-only transactions; changed under the commit stamp's read lock, so between two commits
    private final List<TransactionBuffer> snapshots = new CopyOnWriteArrayList<>();
    private final List<CommitHook> hooks = new CopyOnWriteArrayList<>();
    private final ValueState values;
    private final Listeners listeners;
    private final Json json;
    private final WriteBacklog backlog;
    private volatile long lastSequence;
    private volatile WriteAheadLog wal;
    private volatile @Nullable SharedSync shared;

    /** {@code backlog}: where a writer waits, once its commit is durable, while the flusher is behind. */
    Committer(ValueState values, Listeners listeners, Json json, WriteBacklog backlog) {
        this.values = values;
        this.listeners = listeners;
        this.json = json;
        this.backlog = backlog;
    }

    /** Sends transactions that touch a logged collection to the write-ahead log from now on. */
    void logTo(WriteAheadLog wal) {
        this.wal = wal;
    }

    /**
     * Makes every write transaction a session of the shared store's database from now on (shared mode, at
     * open), and commits combined single writes a batch at a time ({@link SharedBatch}).
     */
    void shareWith(SharedSync sync) {
        this.shared = sync;
        combiner.applyBatchesWith(batch -> {
            if (!hooks.isEmpty()) {
                batch.forEach(request -> request.runAlone = true); // a hook runs on its writer's thread
                return;
            }
            SharedBatch.apply(this, sync, json, batch);
        });
    }

    Subscription addHook(CommitHook hook) {
        hooks.add(hook);
        return () -> hooks.remove(hook);
    }

    /** The open transaction of this thread, or {@code null}. */
    @Nullable TransactionBuffer current() {
        return bound.get() == 0 ? null : current.get();
    }

    long lastSequence() {
        return lastSequence;
    }

    void advanceSequenceTo(long sequence) {
        lastSequence = Math.max(lastSequence, sequence);
    }

    /** Shared mode, at open: the store's sequence is the shared one its snapshot is as of, whatever the local log said. */
    void sequenceIs(long sequence) {
        lastSequence = sequence;
    }

    /** Begins a transaction on this thread, waiting for the writer mutex. */
    TransactionBuffer begin() {
        requireNoTransaction();
        writerMutex.lock();
        joinShared();
        return bind(new TransactionBuffer(this));
    }

    /**
     * Begins a transaction on this thread, waiting at most the given time for the writer mutex.
     *
     * @return the transaction, or {@code null} when the mutex stayed held all along
     */
    @Nullable TransactionBuffer begin(long maxWaitNanos) throws InterruptedException {
        requireNoTransaction();
        if (!writerMutex.tryLock(maxWaitNanos, TimeUnit.NANOSECONDS)) {
            return null;
        }
        joinShared();
        return bind(new TransactionBuffer(this));
    }

    /** Begins a read-only transaction on this thread: its snapshot is the state between the last commit and the next. */
    TransactionBuffer beginReadOnly() {
        requireNoTransaction();
        TransactionBuffer snapshot = new TransactionBuffer(this, true);
        underReadLock(() -> snapshots.add(snapshot));
        return bind(snapshot);
    }

    private void requireNoTransaction() {
        if (current.get() != null) {
            throw new IllegalStateException("This thread already has an open FileStore transaction");
        }
    }

    /**
     * Holding the writer mutex, in shared mode: opens the transaction's database session (the
     * cross-instance writer lock) and applies what other instances committed since; on failure the mutex
     * is released and nothing begins.
     */
    private void joinShared() {
        SharedSync sync = shared;
        if (sync == null) {
            return;
        }
        try {
            sync.beginSession();
        } catch (RuntimeException | Error e) {
            combiner.release();
            sync.dispatchCaughtUp();
            throw e;
        }
    }

    private TransactionBuffer bind(TransactionBuffer buffer) {
        current.set(buffer);
        bound.incrementAndGet();
        return buffer;
    }

    /** Holds the writer mutex for work that must not interleave with commits (open, close). */
    void exclusively(Runnable work) {
        exclusively(() -> {
            work.run();
            return null;
        });
    }

    /** As {@link #exclusively(Runnable)}, returning what the work returns. */
    <T> T exclusively(Supplier<T> work) {
        writerMutex.lock();
        try {
            return work.get();
        } finally {
            combiner.release();
        }
    }

    /**
     * Validates and applies the transaction, ends it, and then calls the listeners.
     *
     * @throws UniqueConstraintException when a unique index would get a duplicate; nothing is applied
     */
    ChangeSet commit(TransactionBuffer buffer) {
        if (buffer.isReadOnly()) {
            return commitReadOnly(buffer);
        }
        Applied commit;
        try {
            if (buffer.isRollbackOnly()) {
                throw new FileStoreException("Transaction was marked rollback-only; nothing was committed");
            }
            CommitHooks.run(hooks, buffer, json);
            commit = buffer.isEmpty() ? Applied.nothing(lastSequence) : applyValidated(buffer);
        } finally {
            end(buffer);
        }
        commit.awaitDurable();
        backlog.awaitRoom(commit.changes());
        listeners.dispatch(commit.changes());
        return commit.changes();
    }

    /**
     * Commits one record write made outside a transaction as a transaction of its own, possibly applied
     * by another writer's thread together with other such writes (see {@link WriteCombiner}), then calls
     * the listeners on this thread.
     *
     * @param admit throws when the store takes no writes (closed, fenced); runs under the writer mutex
     * @param alone commits the write in a transaction on this thread: used while commit hooks are
     *              registered, since a hook runs on its committing thread ({@link CommitHook})
     */
    void commitAlone(CollectionState collection, String id, PendingWrite write, Runnable admit, Runnable alone) {
        if (!hooks.isEmpty()) {
            alone.run();
            return;
        }
        WriteCombiner.Request request = new WriteCombiner.Request(collection, id, write, admit);
        boolean combined;
        try {
            combined = combiner.commit(request);
        } finally {
            SharedSync sync = shared;
            if (sync != null) {
                sync.dispatchCaughtUp(); // other instances' changes the batch's session applied first
            }
        }
        if (combined) {
            backlog.awaitRoom(request.changes());
            listeners.dispatch(request.changes());
        } else {
            alone.run(); // a hook was registered meanwhile
        }
    }

    /** Under the writer mutex, for the combiner: one queued write as its own transaction, or null to run it alone. */
    private @Nullable Applied applyAlone(WriteCombiner.Request request) {
        if (!hooks.isEmpty()) {
            return null;
        }
        request.admit.run();
        TransactionBuffer buffer = new TransactionBuffer(this);
        buffer.write(request.collection, request.id, request.write);
        return applyValidated(buffer);
    }

    /** A read-only transaction has nothing to apply: it ends, failing as a write transaction would when rollback-only. */
    private ChangeSet commitReadOnly(TransactionBuffer buffer) {
        try {
            if (buffer.isRollbackOnly()) {
                throw new FileStoreException("Transaction was marked rollback-only; nothing was committed");
            }
            return Applied.nothing(lastSequence).changes();
        } finally {
            end(buffer);
        }
    }

    /** Unbinds the transaction from its thread and releases the writer mutex, or a read-only one's snapshot. */
    void end(TransactionBuffer buffer) {
        if (current.get() == buffer) {
            current.remove();
            bound.decrementAndGet();
            if (buffer.isReadOnly()) {
                underReadLock(() -> snapshots.remove(buffer));
                return;
            }
            SharedSync sync = shared;
            if (sync != null) {
                sync.endSession();
            }
            combiner.release();
            if (sync != null) {
                sync.dispatchCaughtUp(); // other instances' commits applied at begin, heard of with no lock held
            }
        }
    }

    /** Runs a read as this thread's transaction sees the store (see {@link CommitStamp#view}). */
    <T> T view(Supplier<T> reader) {
        return commitStamp.view(current(), reader);
    }

    /** Runs a multi-step read so that it sees whole transactions only (see {@link CommitStamp#read}). */
    <T> T read(Supplier<T> reader) {
        return commitStamp.read(reader);
    }

    /** Runs work that must see no commit being applied (the flusher's snapshot). */
    <T> T underReadLock(Supplier<T> work) {
        return commitStamp.underReadLock(work);
    }

    /** Applies recovered state at open, as a commit that listeners do not hear about. */
    void applyRecovered(Runnable apply) {
        commitStamp.underWriteLock(apply);
    }

    /**
     * The commit protocol, under the writer mutex: check the unique indexes, plan the real changes, log
     * them when a logged collection is touched, apply them in memory under the commit stamp, and describe
     * them for the listeners. The caller awaits durability after releasing the mutex.
     */
    private Applied applyValidated(TransactionBuffer buffer) {
        UniqueConstraints.check(buffer);
        List<Step> steps = CommitPlan.steps(buffer, json);
        Map<String, byte[]> valueWrites = new HashMap<>();
        List<ValueChange> valueChanges = CommitPlan.values(buffer, values, json, valueWrites);
        if (steps.isEmpty() && valueChanges.isEmpty()) {
            return Applied.nothing(lastSequence);
        }
        SharedSync sync = shared;
        long sequence = sync == null ? lastSequence + 1 : commitShared(sync, steps, valueWrites);
        WriteAheadLog durable = logIfNeeded(sequence, steps, valueWrites);
        applyInMemory(sequence, steps, valueWrites);
        return new Applied(new ChangeSet(sequence, CommitPlan.recordChanges(steps, json), valueChanges), durable);
    }

    /**
     * Shared mode: commits the shared records and the values in the database before anything is applied
     * in memory; returns the sequence (unchanged when only {@code memory-only} collections changed,
     * which stay local and take no shared sequence).
     */
    private long commitShared(SharedSync sync, List<Step> steps, Map<String, byte[]> valueWrites) {
        List<SharedChange.Entry> entries = new ArrayList<>(steps.size() + valueWrites.size());
        for (Step step : steps) {
            if (step.collection().options().strategy() == Strategy.SHARED) {
                entries.add(new SharedChange.Entry(step.collection().name(), step.id(), step.after()));
            }
        }
        valueWrites.forEach((key, bytes) -> entries.add(new SharedChange.Entry(null, key, bytes)));
        return entries.isEmpty() ? lastSequence : sync.commit(lastSequence + 1, entries);
    }

    /** Shared mode, under the writer mutex and a session: commits a combined batch's writes as one transaction; returns its sequence. */
    long commitSharedBatch(TransactionBuffer batch) {
        List<Step> steps = CommitPlan.steps(batch, json);
        long sequence = commitShared(shared, steps, Map.of());
        applyInMemory(sequence, steps, Map.of());
        return sequence;
    }

    /**
     * Holding the writer mutex: applies another instance's committed change (or a reload's differences)
     * through the same apply step as a local commit, with no checks (the database decided), and returns
     * what changed for the listeners.
     */
    ChangeSet applyRemote(long sequence, TransactionBuffer remote) {
        List<Step> steps = CommitPlan.steps(remote, json);
        Map<String, byte[]> valueWrites = new HashMap<>();
        List<ValueChange> valueChanges = CommitPlan.values(remote, values, json, valueWrites);
        applyInMemory(Math.max(sequence, lastSequence), steps, valueWrites);
        return new ChangeSet(sequence, CommitPlan.recordChanges(steps, json), valueChanges);
    }

    /** Under the commit stamp's write lock: snapshots keep what is replaced, then records, values and the sequence change. */
    private void applyInMemory(long sequence, List<Step> steps, Map<String, byte[]> valueWrites) {
        commitStamp.underWriteLock(() -> {
            keepForSnapshots(steps, valueWrites);
            for (Step step : steps) {
                step.collection().apply(step.id(), step.after(), step.oldKeys(), step.newKeys(), step.onDisk());
            }
            valueWrites.forEach(values::apply);
            lastSequence = sequence;
        });
    }

    /** Under the commit stamp's write lock, before applying: every open read-only transaction keeps what the commit replaces. */
    private void keepForSnapshots(List<Step> steps, Map<String, byte[]> valueWrites) {
        for (TransactionBuffer snapshot : snapshots) {
            for (Step step : steps) {
                snapshot.keep(step.collection(), step.id(),
                        step.before() == null ? PendingWrite.DELETE : new PendingWrite(step.before(), step.oldKeys()));
            }
            valueWrites.keySet().forEach(key -> snapshot.keepValue(key, values.get(key)));
        }
    }

    /**
     * Writes the whole transaction to the log when it touches a logged collection; returns the log to
     * await durability on afterwards, or null when there is nothing to wait for.
     */
    private @Nullable WriteAheadLog logIfNeeded(long sequence, List<Step> steps, Map<String, byte[]> valueWrites) {
        WriteAheadLog log = wal;
        if (log == null || steps.stream().noneMatch(step -> step.collection().options().wal())) {
            return null;
        }
        List<ChangeEntry> entries = new ArrayList<>(steps.size() + valueWrites.size());
        for (Step step : steps) {
            if (step.collection().options().strategy().isPersistent()) {
                entries.add(ChangeEntry.record(step.collection().name(), step.id(), step.after()));
            }
        }
        valueWrites.forEach((key, bytes) -> entries.add(ChangeEntry.value(key, bytes)));
        return log.append(sequence, entries) ? log : null;
    }
}
