package io.filestore.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import io.filestore.WriteAheadLogException;
import io.filestore.io.StorageIO;
import io.filestore.io.WritableFile;

/**
 * The single thread that writes the log, with group commit: it drains every append queued while the
 * previous group was being forced, writes them with one {@code write}, forces once, and completes them
 * all. Concurrent writers therefore share fsyncs, and throughput grows with their number.
 *
 * <p>With a positive fsync interval, a group is acknowledged as soon as it is written (it is then in
 * the OS page cache and survives the process), and the segment is forced at least once per interval.
 *
 * <p>On any write or force failure the writer fails the group and every later append, never forces
 * again (a retried fsync can report success for pages the kernel already dropped), cuts the segment
 * back to the last acknowledged record where the group was not acknowledged, and reports the failure
 * so the store can fence itself.
 */
final class LogWriter {

    /** A segment is closed and a new one started once it passes this size. */
    static final long SEGMENT_SIZE = 16L * 1024 * 1024;

    private record Append(long sequence, byte[] payload, CompletableFuture<Void> done) {
    }

    /** Wakes the writer at close; never written (interrupting could close the channel mid-force). */
    private static final Append STOP = new Append(-1, new byte[0], new CompletableFuture<>());

    private final StorageIO io;
    private final Path folder;
    private final UUID storeId;
    private final long fsyncIntervalNanos;
    private final Consumer<Segment> onNewSegment;
    private final Consumer<Throwable> onFailure;
    private final LinkedBlockingQueue<Append> queue = new LinkedBlockingQueue<>();
    private final ReentrantLock segmentLock = new ReentrantLock();
    private final Thread thread;
    private final AtomicLong fsyncCount = new AtomicLong();
    private final AtomicLong totalFsyncNanos = new AtomicLong();
    private volatile long lastFsyncNanos;
    private volatile long maxFsyncNanos;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private Segment active;
    private WritableFile activeFile;
    private boolean unforced;
    private long lastForce = System.nanoTime();
    private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

    LogWriter(StorageIO io, Path folder, UUID storeId, long fsyncIntervalNanos, long firstSegmentSequence,
              Consumer<Segment> onNewSegment, Consumer<Throwable> onFailure) throws IOException {
        this.io = io;
        this.folder = folder;
        this.storeId = storeId;
        this.fsyncIntervalNanos = fsyncIntervalNanos;
        this.onNewSegment = onNewSegment;
        this.onFailure = onFailure;
        startSegment(firstSegmentSequence);
        this.thread = new Thread(this::run, "filestore-wal");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a record; the future completes when it is durable (or written, with an fsync interval). */
    CompletableFuture<Void> append(long sequence, byte[] payload) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Throwable failed = failure;
        if (failed != null || !running) {
            done.completeExceptionally(rejected(failed));
            return done;
        }
        queue.add(new Append(sequence, payload, done));
        if (failure != null) {
            failQueued(); // the writer may have failed between the check and the add
        }
        return done;
    }

    /** Starts a new segment if the active one holds records and all of them are at or below the sequence. */
    void rollIfCovered(long sequence) throws IOException {
        segmentLock.lock();
        try {
            if (failure == null && active.size > SegmentFormat.HEADER_SIZE && active.lastSequence <= sequence) {
                roll();
            }
        } finally {
            segmentLock.unlock();
        }
    }

    /** The segment being written. */
    Segment active() {
        return active;
    }

    Throwable failure() {
        return failure;
    }

    int pending() {
        return (int) queue.stream().filter(append -> append != STOP).count();
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

    /** Writes what is queued, forces, and stops the thread. */
    void close() throws IOException {
        running = false;
        queue.add(STOP);
        try {
            thread.join(TimeUnit.MINUTES.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failQueued(); // nothing can be queued once the store stopped committing; this is a safety net
        segmentLock.lock();
        try {
            if (failure == null && unforced) {
                force();
            }
            activeFile.close();
        } finally {
            segmentLock.unlock();
        }
    }

    private void run() {
        List<Append> group = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            Append first;
            try {
                first = queue.poll(pollNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (first == null) {
                forceIfDue();
                continue;
            }
            group.add(first);
            queue.drainTo(group, 4095);
            group.removeIf(append -> append == STOP);
            if (!group.isEmpty()) {
                writeGroup(group);
            }
            group.clear();
        }
    }

    private long pollNanos() {
        if (fsyncIntervalNanos > 0 && unforced) {
            return Math.max(1, lastForce + fsyncIntervalNanos - System.nanoTime());
        }
        return TimeUnit.MILLISECONDS.toNanos(50);
    }

    private void writeGroup(List<Append> group) {
        segmentLock.lock();
        try {
            if (failure != null) {
                group.forEach(append -> append.done.completeExceptionally(rejected(failure)));
                return;
            }
            long start = active.size;
            encode(group);
            try {
                activeFile.write(buffer.array(), 0, buffer.position());
                active.size += buffer.position();
                if (fsyncIntervalNanos == 0) {
                    force();
                } else {
                    unforced = true;
                }
            } catch (IOException | RuntimeException e) {
                fail(e, group, start);
                return;
            }
            active.lastSequence = group.get(group.size() - 1).sequence;
            group.forEach(append -> append.done.complete(null));
            if (fsyncIntervalNanos > 0) {
                forceIfDue();
            }
            if (active.size >= SEGMENT_SIZE && failure == null) {
                roll();
            }
        } catch (IOException e) {
            fail(e, List.of(), -1);
        } finally {
            segmentLock.unlock();
        }
    }

    private void encode(List<Append> group) {
        int size = 0;
        for (Append append : group) {
            size += SegmentFormat.frameSize(append.payload.length);
        }
        if (buffer.capacity() < size) {
            buffer = ByteBuffer.allocate(Math.max(size, buffer.capacity() * 2));
        }
        buffer.clear();
        for (Append append : group) {
            SegmentFormat.writeFrame(buffer, append.sequence, SegmentFormat.TYPE_TRANSACTION, append.payload);
        }
    }

    private void forceIfDue() {
        if (fsyncIntervalNanos == 0 || !unforced || System.nanoTime() - lastForce < fsyncIntervalNanos) {
            return;
        }
        segmentLock.lock();
        try {
            if (failure == null && unforced) {
                force();
            }
        } catch (IOException e) {
            fail(e, List.of(), -1); // already acknowledged: nothing to cut back, but never force again
        } finally {
            segmentLock.unlock();
        }
    }

    private void force() throws IOException {
        long started = System.nanoTime();
        activeFile.force();
        long took = System.nanoTime() - started;
        lastForce = System.nanoTime();
        unforced = false;
        fsyncCount.incrementAndGet();
        totalFsyncNanos.addAndGet(took);
        lastFsyncNanos = took;
        if (took > maxFsyncNanos) {
            maxFsyncNanos = took;
        }
    }

    private void roll() throws IOException {
        if (unforced) {
            force();
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
        onNewSegment.accept(active);
    }

    private void fail(Throwable cause, List<Append> group, long cutBackTo) {
        failure = cause;
        if (cutBackTo >= 0) {
            try {
                activeFile.truncate(cutBackTo); // the group was never acknowledged: replay must not apply it
                active.size = cutBackTo;
            } catch (IOException | RuntimeException ignored) {
                // the store is fenced either way; reopening replays whatever is intact
            }
        }
        onFailure.accept(cause); // fence first: whoever hears of the failure must find the store fenced
        WriteAheadLogException error = rejected(cause);
        group.forEach(append -> append.done.completeExceptionally(error));
        failQueued();
    }

    private void failQueued() {
        Append append;
        while ((append = queue.poll()) != null) {
            if (append != STOP) {
                append.done.completeExceptionally(rejected(failure));
            }
        }
    }

    private WriteAheadLogException rejected(Throwable cause) {
        if (cause == null) {
            return new WriteAheadLogException("The write-ahead log is closed", null);
        }
        return new WriteAheadLogException("The write-ahead log in " + folder + " failed (" + cause
                + "); the write was not acknowledged and the store is read-only until reopened", cause);
    }
}
