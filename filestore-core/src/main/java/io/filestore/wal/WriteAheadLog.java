package io.filestore.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.CorruptedFileException;
import io.filestore.StorageException;
import io.filestore.io.AtomicFiles;
import io.filestore.io.StorageIO;
import io.filestore.io.WritableFile;

/**
 * The store's write-ahead log in {@code <data-dir>/_wal/}: numbered segment files
 * ({@code segment-0000000000000001.wal}, ...) and {@code checkpoint.json}.
 *
 * <p>Lifecycle: {@link #open} checks the checkpoint and every segment header (a segment of another
 * store is refused), {@link #replay} hands back every transaction after a sequence and cuts away a torn
 * tail, {@link #start} begins a fresh segment and the group-commit writer, {@link #append} logs a
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
    private final NavigableMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
    private volatile Checkpoint checkpoint;
    private LogWriter writer;
    private boolean replayed;

    private WriteAheadLog(StorageIO io, AtomicFiles files, Path folder, Duration fsyncInterval) {
        this.io = io;
        this.files = files;
        this.folder = folder;
        this.fsyncInterval = fsyncInterval;
    }

    /**
     * Opens the log in the data folder, creating it (with a new store id) when there is none.
     *
     * @throws CorruptedFileException when segments exist without a checkpoint, or belong to another store
     */
    public static WriteAheadLog open(StorageIO io, AtomicFiles files, Path dataDir, Duration fsyncInterval) {
        WriteAheadLog wal = new WriteAheadLog(io, files, dataDir.resolve(FOLDER), fsyncInterval);
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
        checkpoint = Checkpoint.read(io, folder);
        if (checkpoint == null) {
            if (!segments.isEmpty()) {
                throw new CorruptedFileException(folder.resolve(Checkpoint.FILE_NAME), 0,
                        "missing while WAL segments exist; restore the file, or move the _wal folder away to open"
                                + " without replaying it (writes acknowledged since the last flush would be lost)");
            }
            checkpoint = new Checkpoint(UUID.randomUUID(), 0);
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
     * Hands every logged transaction with a sequence above {@code after} to the consumer, in order.
     * A torn tail of the last segment is cut away (and an empty torn segment deleted) durably.
     *
     * @return the highest sequence found in the log (0 when it is empty)
     * @throws CorruptedFileException on damage that is not a torn tail, naming the file and offset
     */
    public long replay(long after, TransactionConsumer consumer) {
        long last = 0;
        Long lastKey = segments.isEmpty() ? null : segments.lastKey();
        for (Map.Entry<Long, Segment> entry : segments.entrySet()) {
            Segment segment = entry.getValue();
            byte[] bytes = read(segment.file);
            SegmentReader.Result result = SegmentReader.read(segment.file, bytes, last);
            boolean isLast = entry.getKey().equals(lastKey);
            if (result.header() != null && !result.header().storeId().equals(checkpoint.storeId())) {
                throw new CorruptedFileException(segment.file, 0, "segment of another store (" + result.header().storeId()
                        + ", this store is " + checkpoint.storeId() + "); move it out of " + folder);
            }
            if (result.tornAt() != null) {
                if (!isLast) {
                    throw new CorruptedFileException(segment.file, result.validEnd(), result.tornAt() + " in a segment that is not the last");
                }
                cutTornTail(segment, result);
            }
            for (SegmentReader.Record record : result.records()) {
                if (record.sequence() > after) {
                    consumer.accept(record.sequence(), decode(segment.file, record));
                }
            }
            segment.lastSequence = result.lastSequence();
            last = Math.max(last, result.lastSequence());
        }
        replayed = true;
        return last;
    }

    /** Receives replayed transactions. */
    @FunctionalInterface
    public interface TransactionConsumer {
        void accept(long sequence, List<io.filestore.wal.ChangeEntry> entries);
    }

    /**
     * Starts a new segment and the writer thread. {@code onFailure} hears about the first write or
     * fsync failure, after which every append fails.
     */
    public void start(Consumer<Throwable> onFailure) {
        long next = segments.isEmpty() ? 1 : segments.lastKey() + 1;
        if (replayed) {
            dropCoveredSegments(); // only once replay has read what each segment holds
        }
        try {
            writer = new LogWriter(io, folder, checkpoint.storeId(), fsyncInterval.toNanos(), next,
                    segment -> segments.put(segment.segmentSequence, segment), onFailure);
        } catch (IOException e) {
            throw new StorageException("Cannot start a write-ahead log segment", folder, e);
        }
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
        writer.append(sequence, ChangeCodec.encode(entries));
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

    /**
     * Records that the record files hold every change up to {@code sequence}, then deletes the segments
     * that hold nothing newer. Call only after those files are durable.
     */
    public void checkpoint(long sequence) {
        if (sequence <= checkpoint.sequence()) {
            return;
        }
        Checkpoint next = new Checkpoint(checkpoint.storeId(), sequence);
        next.write(files, folder);
        checkpoint = next;
        try {
            writer.rollIfCovered(sequence);
        } catch (IOException e) {
            throw new StorageException("Cannot start a new WAL segment", folder, e);
        }
        dropCoveredSegments();
    }

    /** Deletes every segment, except the one being written, whose records are all covered by the checkpoint. */
    private void dropCoveredSegments() {
        try {
            boolean deleted = false;
            for (Segment segment : segments.values()) {
                boolean active = writer != null && segment == writer.active();
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
    public WalStatistics statistics() {
        long bytes = segments.values().stream().mapToLong(segment -> segment.size).sum();
        long last = segments.values().stream().mapToLong(segment -> segment.lastSequence).max().orElse(0);
        if (writer == null) {
            return new WalStatistics(segments.size(), bytes, last, checkpoint.sequence(), 0, 0, 0, 0, 0, null);
        }
        Throwable failure = writer.failure();
        return new WalStatistics(segments.size(), bytes, last, checkpoint.sequence(), writer.pending(),
                writer.fsyncs().count(), writer.fsyncs().lastNanos(), writer.fsyncs().maxNanos(), writer.fsyncs().totalNanos(),
                failure == null ? null : failure.toString());
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

    private byte[] read(Path file) {
        try {
            return io.readAllBytes(file);
        } catch (IOException e) {
            throw new StorageException("Cannot read WAL segment", file, e);
        }
    }

    private void cutTornTail(Segment segment, SegmentReader.Result result) {
        try {
            if (result.header() == null) {
                io.deleteIfExists(segment.file);
                io.syncDirectory(folder);
                segments.remove(segment.segmentSequence);
            } else {
                try (WritableFile file = io.openForAppend(segment.file)) {
                    file.truncate(result.validEnd());
                    file.force();
                }
                segment.size = result.validEnd();
            }
            log.warn("Cut a torn write from the end of {} ({}); it was never acknowledged", segment.file, result.tornAt());
        } catch (IOException e) {
            throw new StorageException("Cannot cut a torn WAL tail", segment.file, e);
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
