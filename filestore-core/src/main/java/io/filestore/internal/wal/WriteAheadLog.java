package io.filestore.internal.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.CorruptedFileException;
import io.filestore.StorageException;
import io.filestore.WalStatus;
import io.filestore.WriteAheadLogLossException;
import io.filestore.internal.io.AtomicFiles;
import io.filestore.spi.StorageIO;

/**
 * The store's write-ahead log in {@code <data-dir>/_wal/}: numbered segment files
 * ({@code segment-0000000000000001.wal}, ...) and {@code checkpoint.json}.
 *
 * <p>Lifecycle: {@link #open} reads the checkpoint (a damaged one is refused), {@link #replay} checks
 * that the log still holds every transaction it held ({@link LogContinuity}; a segment of another
 * store is refused too), then hands back every transaction after a sequence and cuts away a torn tail,
 * {@link #start} begins a fresh segment and the group-commit writer, {@link #append} logs a
 * transaction, {@link #checkpoint} records what the record files cover and deletes the segments that
 * are no longer needed, {@link #close} stops the writer.
 *
 * <p>Thread-safe once started.
 */
public final class WriteAheadLog implements AutoCloseable {

    /** The log's folder name in the data folder. */
    public static final String FOLDER = "_wal";

    private static final Logger log = LoggerFactory.getLogger(WriteAheadLog.class);

    private final StorageIO io;
    private final AtomicFiles files;
    private final Path folder;
    private final Duration fsyncInterval;
    private final boolean acceptLoss;
    private final NavigableMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    /** Serializes checkpoint writes: the flusher's and those of a segment's creation. */
    private final Object checkpointLock = new Object();
    private final UnflushedLog unflushed = new UnflushedLog();
    private volatile Checkpoint checkpoint;
    private volatile LogWriter writer;
    private boolean replayed;
    /** The highest segment number seen since open, even if the segment was dropped since. */
    private long newestSegment;
    /** The last transaction replay found in the log (durable: replay forces what it read). */
    private long lastLogged;
    private volatile List<String> acceptedLoss = List.of();

    private WriteAheadLog(StorageIO io, AtomicFiles files, Path folder, Duration fsyncInterval, boolean acceptLoss) {
        this.io = io;
        this.files = files;
        this.folder = folder;
        this.fsyncInterval = fsyncInterval;
        this.acceptLoss = acceptLoss;
    }

    /**
     * Opens the log in the data folder, creating it (with a new store id) when there is none.
     *
     * @param acceptLoss whether {@link #replay} may go on when transactions are missing from the log
     * @throws CorruptedFileException when segments exist without a checkpoint, or the checkpoint is damaged
     */
    public static WriteAheadLog open(StorageIO io, AtomicFiles files, Path dataDir, Duration fsyncInterval,
                                     boolean acceptLoss) {
        WriteAheadLog wal = new WriteAheadLog(io, files, dataDir.resolve(FOLDER), fsyncInterval, acceptLoss);
        wal.load();
        return wal;
    }

    private void load() {
        try {
            if (!io.isDirectory(folder)) {
                io.createDirectories(folder);
                io.syncDirectory(folder.getParent());
            }
            files.deleteTempFiles(folder);
            for (Path entry : io.list(folder)) {
                long sequence = Segment.sequenceOf(entry.getFileName().toString());
                if (sequence >= 0) {
                    segments.put(sequence, new Segment(entry, sequence, 0, io.size(entry)));
                }
            }
        } catch (IOException e) {
            throw new StorageException("Cannot open the write-ahead log", folder, e);
        }
        newestSegment = segments.isEmpty() ? 0 : segments.lastKey();
        checkpoint = Checkpoint.read(io, folder);
        if (checkpoint == null) {
            if (!segments.isEmpty()) {
                throw new CorruptedFileException(folder.resolve(Checkpoint.FILE_NAME), 0,
                        "missing while WAL segments exist; restore the file, or move the _wal folder away to open"
                                + " without replaying it (writes acknowledged since the last flush would be lost)");
            }
            checkpoint = new Checkpoint(UUID.randomUUID(), 0, 0, 0);
            checkpoint.write(files, folder);
        }
    }

    /** The store id that segment headers carry. */
    public UUID storeId() {
        return checkpoint.storeId();
    }

    /** The last sequence the record files cover. */
    public long checkpointSequence() {
        return checkpoint.sequence();
    }

    /**
     * Checks that the log holds every transaction it held, then hands every logged transaction with a
     * sequence above {@code after} to the consumer, in order. A torn tail of the last segment is cut away
     * durably, and the last segment is forced, so that nothing built on what replay read can outlive it.
     *
     * @return the highest sequence the log reached (0 when it is empty)
     * @throws CorruptedFileException on damage that is not a torn tail, naming the file and offset
     * @throws WriteAheadLogLossException when transactions are missing and the loss was not accepted;
     *         nothing on disk was changed then
     */
    public long replay(long after, TransactionConsumer consumer) {
        List<LogContinuity.Scan> scans = scan();
        List<String> losses = LogContinuity.losses(checkpoint, scans);
        if (!losses.isEmpty()) {
            if (!acceptLoss) {
                throw new WriteAheadLogLossException(folder, losses);
            }
            losses.forEach(loss -> log.error("Opening {} without transactions missing from its write-ahead log, as"
                    + " acceptLogLoss allows: {}", folder.getParent(), loss));
            acceptedLoss = List.copyOf(losses);
        }
        long last = 0;
        Segment newest = null;
        for (LogContinuity.Scan scan : scans) {
            Segment segment = scan.segment();
            if (scan.header() == null) {
                continue; // nothing to read; dropped once the checkpoint covers it (its last sequence is 0)
            }
            SegmentReader.Result result = SegmentReader.read(segment.file, read(segment.file), last);
            if (result.tornAt() != null) {
                cutTornTail(segment, result);
                log.warn("Cut a torn write from the end of {} ({}); it was never acknowledged", segment.file, result.tornAt());
            }
            for (SegmentReader.Record record : result.records()) {
                if (record.sequence() > after) {
                    consumer.accept(record.sequence(), decode(segment.file, record));
                }
            }
            segment.lastSequence = result.lastSequence();
            last = Math.max(last, result.lastSequence());
            newest = segment;
        }
        if (newest != null) {
            force(newest); // what was read may have been only in the OS's cache, and new segments will name it
        }
        lastLogged = last;
        replayed = true;
        return acceptedLoss.isEmpty() ? last : Math.max(last, checkpoint.logEnd());
    }

    /** Reads every segment and checks each on its own (store id, damage before its end), changing nothing. */
    private List<LogContinuity.Scan> scan() {
        List<LogContinuity.Scan> scans = new ArrayList<>();
        long last = 0;
        Long lastKey = segments.isEmpty() ? null : segments.lastKey();
        for (Segment segment : segments.values()) {
            byte[] bytes = read(segment.file);
            SegmentReader.Result result = SegmentReader.read(segment.file, bytes, last);
            if (result.header() != null && !result.header().storeId().equals(checkpoint.storeId())) {
                throw new CorruptedFileException(segment.file, 0, "segment of another store (" + result.header().storeId()
                        + ", this store is " + checkpoint.storeId() + "); move it out of " + folder);
            }
            if (result.tornAt() != null && result.header() != null && segment.segmentSequence != lastKey) {
                throw new CorruptedFileException(segment.file, result.validEnd(), result.tornAt() + " in a segment that is not the last");
            }
            scans.add(new LogContinuity.Scan(segment, result.header(), bytes.length, result.lastSequence()));
            last = Math.max(last, result.lastSequence());
        }
        return scans;
    }

    /** What this open found missing from the log and accepted to lose; empty normally. */
    public List<String> acceptedLoss() {
        return acceptedLoss;
    }

    /**
     * After an open that accepted a loss: records in the checkpoint that the record files now cover
     * {@code sequence} (everything replayed), so that the gap is behind the checkpoint and the next open
     * does not find it again, and drops the segments around it.
     */
    public void sealAcceptedLoss(long sequence) {
        if (acceptedLoss.isEmpty()) {
            return;
        }
        synchronized (checkpointLock) {
            writeCheckpoint(Math.max(sequence, checkpoint.sequence()));
        }
        dropCoveredSegments();
    }

    /**
     * Writes into another data folder (a backup's) a checkpoint of this store saying that its record files
     * cover {@code sequence} and that its log, which holds no segment, had reached it: opening that folder
     * replays nothing and finds nothing missing.
     */
    public void writeCheckpointInto(Path otherDataDir, long sequence) {
        Path otherFolder = otherDataDir.resolve(FOLDER);
        try {
            io.createDirectories(otherFolder);
        } catch (IOException e) {
            throw new StorageException("Cannot create the write-ahead log folder", otherFolder, e);
        }
        new Checkpoint(checkpoint.storeId(), sequence, sequence, 0).write(files, otherFolder);
    }

    /** Receives replayed transactions. */
    @FunctionalInterface
    public interface TransactionConsumer {
        void accept(long sequence, List<ChangeEntry> entries);
    }

    /**
     * Starts a new segment and the writer thread. {@code onFailure} hears about the first write or
     * fsync failure, after which every append fails.
     */
    public void start(Consumer<Throwable> onFailure) {
        long next = Math.max(newestSegment, checkpoint.lastSegment()) + 1; // numbers are never reused
        try {
            writer = new LogWriter(io, folder, checkpoint.storeId(), fsyncInterval.toNanos(), next, lastLogged,
                    this::segmentCreated, onFailure);
        } catch (IOException e) {
            throw new StorageException("Cannot start a write-ahead log segment", folder, e);
        }
        if (replayed) {
            dropCoveredSegments(); // only once replay has read what each segment holds, and a newer one exists
        }
    }

    /**
     * Names a new segment in the checkpoint before any record goes into it, so that deleting it is seen.
     * Best effort: without it only that detection is weaker, and the writer must go on.
     */
    private void segmentCreated(Segment segment) {
        segments.put(segment.segmentSequence, segment);
        synchronized (checkpointLock) {
            try {
                writeCheckpoint(checkpoint.sequence(), segment.segmentSequence);
            } catch (RuntimeException e) {
                log.warn("Cannot name the new segment {} in the checkpoint; a later checkpoint will", segment.file, e);
            }
        }
    }

    /** Under the checkpoint lock: writes the checkpoint with the log's current end and newest segment. */
    private void writeCheckpoint(long sequence) {
        LogWriter current = writer;
        // before the writer starts (the flush after recovery), no new record can land in the newest segment:
        // the checkpoint then names none, and the segments it covers may all go
        writeCheckpoint(sequence, current == null ? 0 : current.active().segmentSequence);
    }

    private void writeCheckpoint(long sequence, long lastSegment) {
        LogWriter current = writer;
        long logEnd = Math.max(lastLogged, current == null ? 0 : current.durableSequence());
        Checkpoint next = new Checkpoint(checkpoint.storeId(), sequence, logEnd, lastSegment);
        next.write(files, folder);
        checkpoint = next;
    }

    /**
     * Writes one transaction to the log (to the OS: it survives the process from here). Call in
     * sequence order.
     *
     * @return whether the caller must still {@link #awaitDurable} before acknowledging (no with a
     *         positive fsync interval)
     * @throws io.filestore.WriteAheadLogException when the log failed; the transaction was not logged
     */
    public boolean append(long sequence, List<ChangeEntry> entries) {
        byte[] payload = ChangeCodec.encode(entries);
        writer.append(sequence, payload);
        unflushed.appended(SegmentFormat.frameSize(payload.length));
        return writer.acknowledgesOnForce();
    }

    /**
     * Returns once the transaction with this sequence is durable; the calling thread may do the
     * group's fsync itself.
     *
     * @throws io.filestore.WriteAheadLogException when the log failed first
     */
    public void awaitDurable(long sequence) {
        writer.awaitDurable(sequence);
    }

    /** The log's end now, for a flush's snapshot to hand back to {@link #checkpoint}. */
    public long mark() {
        return unflushed.mark();
    }

    /** The bytes logged since the snapshot of the last checkpointed flush (see {@link UnflushedLog}). */
    public long unflushedBytes() {
        return unflushed.aboveCheckpoint();
    }

    /**
     * Records that the record files hold every change up to {@code sequence}, logged up to {@code mark},
     * then deletes the segments that hold nothing newer. Call only after those files are durable.
     */
    public void checkpoint(long sequence, long mark) {
        if (sequence <= checkpoint.sequence()) {
            unflushed.coveredUpTo(mark);
            return;
        }
        synchronized (checkpointLock) {
            writeCheckpoint(sequence);
        }
        unflushed.coveredUpTo(mark);
        LogWriter current = writer;
        if (current != null) {
            try {
                current.rollIfCovered(sequence);
            } catch (IOException e) {
                throw new StorageException("Cannot start a new WAL segment", folder, e);
            }
        }
        dropCoveredSegments();
    }

    /** Deletes every segment, except the one being written, whose records are all covered by the checkpoint. */
    private void dropCoveredSegments() {
        try {
            boolean deleted = false;
            LogWriter current = writer;
            for (Segment segment : segments.values()) {
                boolean active = current != null && segment == current.active();
                if (!active && segment.lastSequence <= checkpoint.sequence()) {
                    io.deleteIfExists(segment.file);
                    segments.remove(segment.segmentSequence);
                    deleted = true;
                }
            }
            if (deleted) {
                io.syncDirectory(folder);
            }
        } catch (IOException e) {
            throw new StorageException("Cannot drop checkpointed WAL segments", folder, e);
        }
    }

    /** The log's current figures. */
    public WalStatus statistics() {
        long bytes = segments.values().stream().mapToLong(segment -> segment.size).sum();
        long last = segments.values().stream().mapToLong(segment -> segment.lastSequence).max().orElse(0);
        if (writer == null) {
            return new WalStatus(segments.size(), bytes, last, checkpoint.sequence(), 0, 0, 0, 0, 0, null, acceptedLoss);
        }
        Throwable failure = writer.failure();
        return new WalStatus(segments.size(), bytes, last, checkpoint.sequence(), writer.pending(),
                writer.fsyncs().count(), writer.fsyncs().lastNanos(), writer.fsyncs().maxNanos(), writer.fsyncs().totalNanos(),
                failure == null ? null : failure.toString(), acceptedLoss);
    }

    /** Writes and forces what is queued, then stops the writer. */
    @Override
    public void close() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            throw new StorageException("Cannot close the write-ahead log", folder, e);
        }
    }

    private void cutTornTail(Segment segment, SegmentReader.Result result) {
        try {
            segment.cutTornTail(io, result);
        } catch (IOException e) {
            throw new StorageException("Cannot cut a torn WAL tail", segment.file, e);
        }
    }

    private void force(Segment segment) {
        try {
            segment.force(io);
        } catch (IOException e) {
            throw new StorageException("Cannot force WAL segment", segment.file, e);
        }
    }

    private byte[] read(Path file) {
        try {
            return io.readAllBytes(file);
        } catch (IOException e) {
            throw new StorageException("Cannot read WAL segment", file, e);
        }
    }

    private static List<ChangeEntry> decode(Path file, SegmentReader.Record record) {
        try {
            return ChangeCodec.decode(ByteBuffer.wrap(record.payload()));
        } catch (IllegalArgumentException e) {
            throw new CorruptedFileException(file, 0, "transaction " + record.sequence() + " does not decode: " + e.getMessage());
        }
    }
}
