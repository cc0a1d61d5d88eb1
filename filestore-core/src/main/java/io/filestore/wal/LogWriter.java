package io.filestore.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import io.filestore.WriteAheadLogException;
import io.filestore.io.StorageIO;
import io.filestore.io.WritableFile;

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
    private final Consumer<Throwable> onFailure;
    /**
     * Guards writing to the active segment and replacing it. Lock order: this lock, then
     * {@link #forcing}; a leader holding {@code forcing} never takes this lock.
     */
    private final ReentrantLock segmentLock = new ReentrantLock();
    /** Guards {@link #forcing} and {@link #durableSequence}; waiters wait on it. */
    private final Object forceMonitor = new Object();
    private final AtomicLong fsyncCount = new AtomicLong();
    private final AtomicLong totalFsyncNanos = new AtomicLong();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Thread intervalForcer;
    private volatile long lastFsyncNanos;
    private volatile long maxFsyncNanos;
    /** Published only once the store is fenced; {@link #failing} stops the log at once. */
    private volatile Throwable failure;
    private volatile boolean failing;
    private volatile boolean closed;
    private volatile long writtenSequence;
    private volatile long durableSequence;
    private boolean forcing;
    private long durableOffset;
    private volatile Segment active;
    private volatile WritableFile activeFile;
    private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    /**
     * With fsync per commit, records wait here (encoded, in sequence order) for the next leader, who
     * writes them with one {@code write} before its fsync. Guarded by {@link #pendingLock}, a leaf lock.
     */
    private final Object pendingLock = new Object();
    private ByteBuffer pending = ByteBuffer.allocate(64 * 1024);
    private ByteBuffer draining = ByteBuffer.allocate(64 * 1024);
    private long pendingSequence;

    LogWriter(StorageIO io, Path folder, UUID storeId, long fsyncIntervalNanos, long firstSegmentSequence,
              Consumer<Segment> onNewSegment, Consumer<Throwable> onFailure) throws IOException {
        this.io = io;
        this.folder = folder;
        this.storeId = storeId;
        this.fsyncIntervalNanos = fsyncIntervalNanos;
        this.onNewSegment = onNewSegment;
        this.onFailure = onFailure;
        startSegment(firstSegmentSequence);
        if (fsyncIntervalNanos > 0) {
            intervalForcer = new Thread(this::forceEveryInterval, "filestore-wal-fsync");
            intervalForcer.setDaemon(true);
            intervalForcer.start();
        } else {
            intervalForcer = null;
        }
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
            long start = active.size;
            try {
                activeFile.write(buffer.array(), 0, buffer.position());
            } catch (IOException | RuntimeException e) {
                // with an fsync interval, earlier records were acknowledged already: cut only this one
                throw fail(e, fsyncIntervalNanos > 0 ? start : durableOffset);
            }
            active.size += size;
            active.lastSequence = sequence;
            writtenSequence = sequence;
            if (active.size >= SEGMENT_SIZE) {
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
        int size = SegmentFormat.frameSize(payload.length);
        synchronized (pendingLock) {
            if (pending.remaining() < size) {
                ByteBuffer larger = ByteBuffer.allocate(Math.max(pending.capacity() * 2, pending.position() + size));
                pending.flip();
                larger.put(pending);
                pending = larger;
            }
            SegmentFormat.writeFrame(pending, sequence, SegmentFormat.TYPE_TRANSACTION, payload);
            pendingSequence = sequence;
        }
    }

    /**
     * The leader's part with fsync per commit: writes the pending group to the segment (only the thread
     * holding {@code forcing} touches the file in this mode) and starts a new segment when it is full.
     */
    private void writePending() throws IOException {
        long target;
        synchronized (pendingLock) {
            ByteBuffer full = pending;
            pending = draining;
            draining = full;
            target = pendingSequence;
        }
        try {
            if (draining.position() == 0) {
                return;
            }
            activeFile.write(draining.array(), 0, draining.position());
            active.size += draining.position();
            active.lastSequence = target;
            writtenSequence = target;
        } finally {
            draining.clear();
        }
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
                synchronized (forceMonitor) {
                    while (true) {
                        if (durableSequence >= sequence) {
                            return;
                        }
                        checkHealthy();
                        if (!forcing) {
                            forcing = true; // this thread leads the next group
                            break;
                        }
                        waitOn();
                    }
                }
                forceWrittenRecords();
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    /** Starts a new segment if the active one holds records and all of them are at or below the sequence. */
    void rollIfCovered(long sequence) throws IOException {
        segmentLock.lock();
        try {
            if (!failing && !closed && active.size > SegmentFormat.HEADER_SIZE && active.lastSequence <= sequence) {
                roll();
            }
        } finally {
            segmentLock.unlock();
        }
    }

    Segment active() {
        return active;
    }

    Throwable failure() {
        return failure;
    }

    int pending() {
        return waiting.get();
    }

    long fsyncCount() {
        return fsyncCount.get();
    }

    long lastFsyncNanos() {
        return lastFsyncNanos;
    }

    long maxFsyncNanos() {
        return maxFsyncNanos;
    }

    long totalFsyncNanos() {
        return totalFsyncNanos.get();
    }

    /** Forces what was written and closes the segment. No append may follow. */
    void close() throws IOException {
        closed = true;
        if (intervalForcer != null) {
            intervalForcer.interrupt();
            try {
                intervalForcer.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        segmentLock.lock();
        try {
            acquireForcing();
            try {
                if (!failing && acknowledgesOnForce()) {
                    writePending(); // waiters are gone by now; this is a safety net
                }
                if (!failing && writtenSequence > durableSequence) {
                    force(activeFile, writtenSequence, active.size);
                }
                activeFile.close();
            } finally {
                releaseForcing();
            }
        } finally {
            segmentLock.unlock();
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
            if (buffered && !failing) {
                writePending();
            }
            long target = writtenSequence; // read before the size: the size then covers the target's record
            long offset = active.size;
            if (!failing && target > durableSequence) {
                force(activeFile, target, offset);
            }
            if (buffered && !failing && active.size >= SEGMENT_SIZE) {
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

    private void force(WritableFile file, long target, long offset) throws IOException {
        long started = System.nanoTime();
        file.force();
        long took = System.nanoTime() - started;
        fsyncCount.incrementAndGet();
        totalFsyncNanos.addAndGet(took);
        lastFsyncNanos = took;
        if (took > maxFsyncNanos) {
            maxFsyncNanos = took;
        }
        synchronized (forceMonitor) {
            if (target > durableSequence) {
                durableSequence = target;
                if (file == activeFile) {
                    durableOffset = Math.max(durableOffset, offset);
                }
            }
        }
    }

    private void forceEveryInterval() {
        long intervalMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(fsyncIntervalNanos));
        while (!closed && !failing) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
            if (writtenSequence > durableSequence && acquireForcing()) {
                forceWrittenRecords();
            }
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
            force(activeFile, writtenSequence, active.size);
        }
        activeFile.close();
        startSegment(active.segmentSequence + 1);
    }

    private void startSegment(long segmentSequence) throws IOException {
        Path file = folder.resolve(Segment.fileName(segmentSequence));
        WritableFile created = io.createNew(file);
        try {
            created.write(SegmentFormat.header(storeId, segmentSequence));
            created.force();
            io.syncDirectory(folder);
        } catch (IOException | RuntimeException e) {
            created.close();
            throw e;
        }
        activeFile = created;
        active = new Segment(file, segmentSequence, 0, SegmentFormat.HEADER_SIZE);
        synchronized (forceMonitor) {
            durableOffset = SegmentFormat.HEADER_SIZE;
        }
        onNewSegment.accept(active);
    }

    private boolean acquireForcing() {
        synchronized (forceMonitor) {
            while (forcing) {
                waitOn();
            }
            forcing = true;
            return true;
        }
    }

    private void releaseForcing() {
        synchronized (forceMonitor) {
            forcing = false;
            forceMonitor.notifyAll();
        }
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
        return publishedFailure();
    }

    /**
     * Stops the log for good: no force or write happens after this (a failed fsync is never retried),
     * the store is fenced, and only then is the failure published and the waiters woken, so whoever
     * hears of the failure finds the store fenced.
     */
    private void recordFailure(Throwable cause) {
        synchronized (forceMonitor) {
            if (failing) {
                return;
            }
            failing = true;
        }
        onFailure.accept(cause);
        synchronized (forceMonitor) {
            failure = cause;
            forceMonitor.notifyAll();
        }
    }

    /** Under the segment lock: drops unacknowledged records from the end of the active segment. */
    private void cutBack(long offset) {
        try {
            activeFile.truncate(offset); // those records were never acknowledged: replay must not apply them
            active.size = offset;
        } catch (IOException | RuntimeException ignored) {
            // the store is fenced either way; reopening replays whatever is intact
        }
    }

    /** The failure as callers see it, once the failing thread has fenced the store and published it. */
    private WriteAheadLogException publishedFailure() {
        synchronized (forceMonitor) {
            while (failure == null) {
                waitOn();
            }
        }
        return rejected(failure);
    }

    private void checkHealthy() {
        if (failing) {
            throw publishedFailure();
        }
        if (closed) {
            throw new WriteAheadLogException("The write-ahead log is closed", null);
        }
    }

    private WriteAheadLogException rejected(Throwable cause) {
        return new WriteAheadLogException("The write-ahead log in " + folder + " failed (" + cause
                + "); the write was not acknowledged and the store is read-only until reopened", cause);
    }
}
