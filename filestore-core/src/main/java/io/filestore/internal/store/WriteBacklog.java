package io.filestore.internal.store;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import io.filestore.ChangeSet;
import io.filestore.WriteBacklogStatus;

/**
 * Backpressure: keeps writers from outrunning the flusher without limit, as RocksDB stalls writes when
 * its flushes fall behind. Two backlogs are bounded: the dirty records (changed in memory, not yet in
 * their files: a close must write them all; those of a collection rewritten whole by its next flush do
 * not count, since that flush costs the same however many changed) and the write-ahead log above its
 * checkpoint (an open after a crash replays it). Per bound {@code max}:
 * <ul>
 *   <li>above {@code max / 2} the flusher is asked to start now rather than at its next interval
 *       ({@link #awaitRoom}, and the store again after each flush while it stays there);</li>
 *   <li>at {@code max} or more, a writer whose commit is durable waits before it returns (its commit is
 *       not undone, and nothing fails because of the bound) until the flusher has brought every backlog
 *       back to {@code max / 2} or less (the low-water mark, so that writers resume in a body, not one
 *       at a time), the store stops taking writes (closing, fenced), or the writer is interrupted.</li>
 * </ul>
 * Where writers wait, and why there: after the commit is durable and before the listeners run, on the
 * writer's own thread, holding no lock of the store (the writer mutex and the commit stamp are released,
 * a transaction has ended): the flusher needs none of this class's callers' locks, and a commit hook or
 * an open transaction never waits here. Each waiting commit adds to the backlog at most once, so the
 * dirty records can pass the bound by at most what the writers committing at that moment changed.
 * The flusher wakes waiters after each batch of files it writes and after each checkpoint; waiters also
 * look again every {@value #RECHECK_MILLIS} ms, which is how they notice a fence or a close.
 * Thread-safe.
 */
final class WriteBacklog {

    private static final long RECHECK_MILLIS = 100;

    private final long maxDirtyRecords;
    private final long maxUnflushedLogBytes;
    private final Collection<StoreCollection> collections;
    private final LongSupplier unflushedLogBytes;
    private final BooleanSupplier acceptsWrites;
    private final Runnable flushSoon;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition progressed = lock.newCondition();
    private final AtomicInteger stalled = new AtomicInteger();
    private final LongAdder stalls = new LongAdder();
    private final LongAdder stallNanos = new LongAdder();
    /** Records the running flush took from the dirty sets and has not written yet; only the flushing thread changes it. */
    private volatile long unwritten;

    /**
     * @param maxDirtyRecords      the bound on dirty records; 0 for none
     * @param maxUnflushedLogBytes the bound on log bytes above the checkpoint; 0 for none
     * @param collections          the store's collections (a live view), whose dirty sets count
     * @param unflushedLogBytes    the log bytes above the checkpoint now
     * @param acceptsWrites        false once waiting would be pointless: the store is closing or fenced
     * @param flushSoon            asks the flusher to run now; may ignore the request (one already pending)
     */
    WriteBacklog(long maxDirtyRecords, long maxUnflushedLogBytes, Collection<StoreCollection> collections,
                 LongSupplier unflushedLogBytes, BooleanSupplier acceptsWrites, Runnable flushSoon) {
        this.maxDirtyRecords = maxDirtyRecords;
        this.maxUnflushedLogBytes = maxUnflushedLogBytes;
        this.collections = collections;
        this.unflushedLogBytes = unflushedLogBytes;
        this.acceptsWrites = acceptsWrites;
        this.flushSoon = flushSoon;
    }

    /**
     * After a durable commit, on the writer's thread holding no store lock: returns at once for a commit
     * that changed nothing, or while both backlogs are under their bounds (asking for an early flush past
     * half of one), else waits as the class comment says. An interrupt ends the wait early and stays set.
     */
    void awaitRoom(ChangeSet changes) {
        if (changes.isEmpty()) {
            return;
        }
        long dirty = maxDirtyRecords > 0 ? dirtyRecords() : 0;
        long log = maxUnflushedLogBytes > 0 ? unflushedLogBytes.getAsLong() : 0;
        if (above(dirty, maxDirtyRecords, maxDirtyRecords - 1) || above(log, maxUnflushedLogBytes, maxUnflushedLogBytes - 1)) {
            stall();
        } else if (pastLowWater(dirty, log)) {
            flushSoon.run();
        }
    }

    /** Whether a backlog is past half its bound (its low-water mark), so the flusher should not wait for its interval. */
    boolean needsFlush() {
        return pastLowWater(maxDirtyRecords > 0 ? dirtyRecords() : 0,
                maxUnflushedLogBytes > 0 ? unflushedLogBytes.getAsLong() : 0);
    }

    private boolean pastLowWater(long dirty, long log) {
        return above(dirty, maxDirtyRecords, maxDirtyRecords / 2) || above(log, maxUnflushedLogBytes, maxUnflushedLogBytes / 2);
    }

    /** The flusher took this many records from the dirty sets (before they leave them). */
    void flushTook(long records) {
        unwritten += records;
    }

    /** The flusher wrote this many of the records it took: waiting writers look again. */
    void flushWrote(long records) {
        unwritten -= records;
        progressed();
    }

    /** The flush ended, written and checkpointed or failed (its records dirty again): waiting writers look again. */
    void flushEnded() {
        unwritten = 0;
        progressed();
    }

    /** Wakes the waiting writers to look again: the flusher made progress, or the store is closing. */
    void progressed() {
        lock.lock();
        try {
            progressed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The backlogs now, their bounds, and the waits so far. */
    WriteBacklogStatus status() {
        return new WriteBacklogStatus(dirtyRecords(), maxDirtyRecords, unflushedLogBytes.getAsLong(),
                maxUnflushedLogBytes, stalled.get(), stalls.sum(), Duration.ofNanos(stallNanos.sum()));
    }

    /**
     * The records changed in memory and not yet in their files: the dirty sets, and what the running flush
     * took and has yet to write. A collection whose next flush rewrites its one file whole is left out:
     * that flush costs the same however many records changed, so counting them would only slow writers.
     */
    private long dirtyRecords() {
        long dirty = unwritten;
        for (StoreCollection collection : collections) {
            CollectionState state = collection.state();
            int count = state.dirtyIds().size();
            if (count > 0 && !state.persister().needsAllRecords(state.records().size())) {
                dirty += count;
            }
        }
        return dirty;
    }

    /** Whether the bound is set and the backlog is above {@code threshold}. */
    private static boolean above(long backlog, long bound, long threshold) {
        return bound > 0 && backlog > threshold;
    }

    /** Waits until the flusher made room (both backlogs at their low-water mark), counting the wait. */
    private void stall() {
        long started = System.nanoTime();
        stalled.incrementAndGet();
        flushSoon.run();
        lock.lock();
        try {
            while (needsFlush() && acceptsWrites.getAsBoolean()) {
                progressed.await(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the commit stands; the caller decides what the interrupt means
        } finally {
            lock.unlock();
            stalled.decrementAndGet();
            stalls.increment();
            stallNanos.add(System.nanoTime() - started);
        }
    }
}
