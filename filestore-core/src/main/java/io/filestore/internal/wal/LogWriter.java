package io.filestore.internal.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.filestore.WriteAheadLogException;
import io.filestore.spi.StorageIO;

/**
 * Writes the log with leader/follower group commit.
 *
 * <p>{@link #append} is called by the committing thread in sequence order (the store calls it under
 * its writer mutex). With a positive fsync interval it writes the record with one {@code write} right
 * away: the record is then in the OS and survives the process, which is the acknowledgement; a
 * background thread forces the segment at least once per interval.
 *
 * <p>With fsync per commit nothing is acknowledged before its fsync, so {@code append} only encodes
 * the record into a pending buffer, and the committing thread then calls {@link #awaitDurable} after
 * releasing the mutex. The first waiter finding no force under way becomes the leader: it writes the
 * whole pending group with one {@code write}, forces once, and wakes every waiter it covered. While it
 * forces, other writers keep committing into the buffer, and the next leader covers all of them: the
 * writer mutex holds no system call, fsyncs are shared, and one writer alone pays exactly a write and
 * an fsync, with no hand-off between threads. In this mode only the thread holding {@code forcing}
 * touches the segment file.
 *
 * <p>On a write or force failure the log fails every write not yet durable, never forces again (a
 * retried fsync can report success for pages the kernel already dropped), cuts the segment back to the
 * last durable record where those records were not acknowledged, and fences the store before anyone
 * hears of the failure.
 */
final class LogWriter {

    /** A segment is closed and a new one started once it passes this size. */
    static final long SEGMENT_SIZE = 16L * 1024 * 1024;

    private final StorageIO io;
    private final Path folder;
    private final UUID storeId;
    private final long fsyncIntervalNanos;
    private final Consumer<Segment> onNewSegment;
    /**
     * Guards writing to the active segment and replacing it. Lock order: this lock, then
     * {@link #forcing}; a leader holding {@code forcing} never takes this lock.
     */
    private final ReentrantLock segmentLock = new ReentrantLock();
    /** Guards changes of {@link #forcing} and {@link #durableSequence}; close and roll wait on it. */
    private final Object forceMonitor = new Object();
    private final FsyncStatistics fsyncs = new FsyncStatistics();
    private final PendingGroup pendingGroup = new PendingGroup();
    private final AtomicInteger waiting = new AtomicInteger();
    private final @Nullable IntervalForcer intervalForcer;
    private final LogLifecycle lifecycle;
    private volatile long writtenSequence;
    private volatile long durableSequence;
    private volatile boolean forcing;
    private final DurableWaiters waiters = new DurableWaiters();
    private long durableOffset;
    private volatile ActiveSegment active;
    private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

    /**
     * Starts the writer in a new segment.
     *
     * @param previousSequence the last transaction in the log already, which the new segment's header names
     */
    LogWriter(StorageIO io, Path folder, UUID storeId, long fsyncIntervalNanos, long firstSegmentSequence,
              long previousSequence, Consumer<Segment> onNewSegment, Consumer<Throwable> onFailure) throws IOException {
        this.writtenSequence = previousSequence;
        this.durableSequence = previousSequence;
        this.io = io;
        this.folder = folder;
        this.storeId = storeId;
        this.fsyncIntervalNanos = fsyncIntervalNanos;
        this.onNewSegment = onNewSegment;
        this.lifecycle = new LogLifecycle(folder, onFailure);
        startSegment(firstSegmentSequence);
        this.intervalForcer = fsyncIntervalNanos <= 0 ? null
                : new IntervalForcer(fsyncIntervalNanos, lifecycle::isOpen, this::forceIfUnforced);
    }

    /** Whether a write must wait for {@link #awaitDurable} before it is acknowledged. */
    boolean acknowledgesOnForce() {
        return fsyncIntervalNanos == 0;
    }

    /**
     * Writes one record to the OS. Call in sequence order.
     *
     * @throws WriteAheadLogException when the log failed (now or before); the record was not written
     */
    void append(long sequence, byte[] payload) {
        if (acknowledgesOnForce()) {
            buffer(sequence, payload);
            return;
        }
        segmentLock.lock();
        try {
            checkHealthy();
            int size = SegmentFormat.frameSize(payload.length);
            if (buffer.capacity() < size) {
                buffer = ByteBuffer.allocate(Math.max(size, buffer.capacity() * 2));
            }
            buffer.clear();
            SegmentFormat.writeFrame(buffer, sequence, SegmentFormat.TYPE_TRANSACTION, payload);
            long start = active.segment.size;
            try {
                active.write(buffer.array(), buffer.position(), sequence);
            } catch (IOException | RuntimeException e) {
                // with an fsync interval, earlier records were acknowledged already: cut only this one
                throw fail(e, fsyncIntervalNanos > 0 ? start : durableOffset);
            }
            writtenSequence = sequence;
            if (active.segment.size >= SEGMENT_SIZE) {
                roll();
            }
        } catch (IOException e) {
            throw fail(e, -1);
        } finally {
            segmentLock.unlock();
        }
    }

    /**
     * With fsync per commit nothing is acknowledged before its fsync, so there is no reason to pay a
     * {@code write} per record under the store's writer mutex: the record is encoded into the pending
     * buffer, and the next leader writes the whole group at once.
     */
    private void buffer(long sequence, byte[] payload) {
        checkHealthy();
        pendingGroup.add(sequence, payload);
    }

    /**
     * The leader's part with fsync per commit: writes the pending group to the segment with one
     * {@code write} (only the thread holding {@code forcing} touches the file in this mode).
     */
    private void writePending() throws IOException {
        PendingGroup.Taken group = pendingGroup.take();
        if (group.isEmpty()) {
            return;
        }
        active.write(group.frames().array(), group.frames().position(), group.lastSequence());
        writtenSequence = group.lastSequence();
    }

    /**
     * Returns once the record with this sequence is durable, forcing the segment if no other thread is.
     *
     * @throws WriteAheadLogException when the log failed before the record became durable
     */
    void awaitDurable(long sequence) {
        waiting.incrementAndGet();
        try {
            while (true) {
                if (durableSequence >= sequence) {
                    return;
                }
                if (lifecycle.isFailing()) {
                    throw lifecycle.published(); // not "closed": close() itself forces what is pending
                }
                if (tryLead()) {
                    forceWrittenRecords();
                } else {
                    // woken when a force covers the sequence, or to lead the next group
                    waiters.park(sequence, () -> durableSequence < sequence && forcing && !lifecycle.isFailing());
                }
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Takes {@code forcing} if nobody holds it: this thread then leads the next group. */
    private boolean tryLead() {
        synchronized (forceMonitor) {
            if (forcing) {
                return false;
            }
            forcing = true;
            return true;
        }
    }

    /** Starts a new segment if the active one holds records and all of them are at or below the sequence. */
    void rollIfCovered(long sequence) throws IOException {
        segmentLock.lock();
        try {
            Segment segment = active.segment;
            if (lifecycle.isOpen() && segment.size > SegmentFormat.HEADER_SIZE && segment.lastSequence <= sequence) {
                roll();
            }
        } finally {
            segmentLock.unlock();
        }
    }

    Segment active() {
        return active.segment;
    }

    /** The last sequence known durable in the log. */
    long durableSequence() {
        return durableSequence;
    }

    Throwable failure() {
        return lifecycle.failure();
    }

    int pending() {
        return waiting.get();
    }

    FsyncStatistics fsyncs() {
        return fsyncs;
    }

    /** Forces what was written and closes the segment. No append may follow. */
    void close() throws IOException {
        lifecycle.closing();
        if (intervalForcer != null) {
            intervalForcer.close();
        }
        segmentLock.lock();
        try {
            acquireForcing();
            try {
                if (!lifecycle.isFailing() && acknowledgesOnForce()) {
                    writePending(); // waiters are gone by now; this is a safety net
                }
                if (!lifecycle.isFailing() && writtenSequence > durableSequence) {
                    force(active, writtenSequence, active.segment.size);
                }
                active.close();
            } finally {
                releaseForcing();
            }
        } finally {
            segmentLock.unlock();
            lifecycle.closed();
        }
    }

    /**
     * The leader's work: one force that covers every record written until now. Runs holding
     * {@code forcing}, so no roll replaces the file meanwhile, and without the segment lock, so writers
     * keep appending while it forces.
     */
    private void forceWrittenRecords() {
        Throwable failed = null;
        boolean buffered = acknowledgesOnForce();
        try {
            if (buffered && !lifecycle.isFailing()) {
                writePending();
            }
            long target = writtenSequence; // read before the size: the size then covers the target's record
            long offset = active.segment.size;
            if (!lifecycle.isFailing() && target > durableSequence) {
                force(active, target, offset);
            }
            if (buffered && !lifecycle.isFailing() && active.segment.size >= SEGMENT_SIZE) {
                startNextSegment();
            }
        } catch (IOException | RuntimeException e) {
            failed = e;
            recordFailure(e);
            if (buffered) {
                cutBack(durableOffset); // only this thread touches the file in this mode
            }
        } finally {
            releaseForcing();
        }
        if (failed != null && !buffered) {
            segmentLock.lock();
            try {
                cutBack(durableOffset); // the records after it were never acknowledged
            } finally {
                segmentLock.unlock();
            }
        }
    }

    private void force(ActiveSegment segment, long target, long offset) throws IOException {
        long started = System.nanoTime();
        segment.force();
        fsyncs.record(System.nanoTime() - started);
        synchronized (forceMonitor) {
            if (target > durableSequence) {
                durableSequence = target;
                if (segment == active) {
                    durableOffset = Math.max(durableOffset, offset);
                }
            }
        }
    }

    private void forceIfUnforced() {
        if (writtenSequence > durableSequence) {
            acquireForcing();
            forceWrittenRecords();
        }
    }

    /** Under the segment lock: forces and closes the active segment, then starts the next. */
    private void roll() throws IOException {
        acquireForcing(); // no leader may be forcing the file this closes
        try {
            startNextSegment();
        } finally {
            releaseForcing();
        }
    }

    /** Holding {@code forcing}: writes what is pending, forces and closes the segment, starts the next. */
    private void startNextSegment() throws IOException {
        checkHealthy(); // never force again after a failure
        if (acknowledgesOnForce()) {
            writePending();
        }
        if (writtenSequence > durableSequence) {
            force(active, writtenSequence, active.segment.size);
        }
        active.close();
        startSegment(active.segment.segmentSequence + 1);
    }

    /** Every record written so far is durable by now (a roll forces first), so the new header may name it. */
    private void startSegment(long segmentSequence) throws IOException {
        active = ActiveSegment.create(io, folder, storeId, segmentSequence, writtenSequence);
        synchronized (forceMonitor) {
            durableOffset = SegmentFormat.HEADER_SIZE;
        }
        onNewSegment.accept(active.segment);
    }

    private void acquireForcing() {
        synchronized (forceMonitor) {
            while (forcing) {
                waitOn();
            }
            forcing = true;
        }
    }

    private void releaseForcing() {
        synchronized (forceMonitor) {
            forcing = false;
            forceMonitor.notifyAll(); // close and roll wait on the monitor for forcing
        }
        waiters.wakeAfterForce(durableSequence);
    }

    private void waitOn() {
        try {
            forceMonitor.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WriteAheadLogException("Interrupted while waiting for the write-ahead log", e);
        }
    }

    /** Under the segment lock: records the failure, cuts the segment back when {@code cutBackTo >= 0}. */
    private WriteAheadLogException fail(Throwable cause, long cutBackTo) {
        recordFailure(cause);
        if (cutBackTo >= 0) {
            cutBack(cutBackTo);
        }
        return lifecycle.published();
    }

    /** Under the segment lock: drops unacknowledged records from the end of the active segment. */
    private void cutBack(long offset) {
        try {
            active.cutBack(offset); // those records were never acknowledged: replay must not apply them
        } catch (IOException | RuntimeException ignored) {
            // the store is fenced either way; reopening replays whatever is intact
        }
    }

    private void recordFailure(Throwable cause) {
        lifecycle.record(cause, () -> {
            synchronized (forceMonitor) {
                forceMonitor.notifyAll(); // waiters re-check and fail
            }
            waiters.wakeAll();
        });
    }

    private void checkHealthy() {
        lifecycle.ensureWritable();
    }
}
