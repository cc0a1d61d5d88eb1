package io.filestore.internal.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.filestore.CorruptedFileException;
import io.filestore.StorageException;
import io.filestore.WriteAheadLogLossException;
import io.filestore.spi.StorageIO;

/**
 * The log read at open, once, before the writer starts: every segment checked (store id, damage before
 * its end, continuity against the checkpoint), then every transaction after a sequence handed back in
 * order, a torn tail of the last segment cut away, and the last segment forced.
 */
final class LogReplay {

    private static final Logger log = LoggerFactory.getLogger(WriteAheadLog.class);

    private final StorageIO io;
    private final Path folder;
    private final Checkpoint checkpoint;
    private final NavigableMap<Long, Segment> segments;

    /**
     * What a replay found.
     *
     * @param lastLogged   the highest sequence in the log (0 when it is empty)
     * @param acceptedLoss the transactions found missing and accepted to lose; empty normally
     */
    record Result(long lastLogged, List<String> acceptedLoss) {
    }

    LogReplay(StorageIO io, Path folder, Checkpoint checkpoint, NavigableMap<Long, Segment> segments) {
        this.io = io;
        this.folder = folder;
        this.checkpoint = checkpoint;
        this.segments = segments;
    }

    /**
     * Checks that the log holds every transaction it held, then hands every logged transaction with a
     * sequence above {@code after} to the consumer, in order. A torn tail of the last segment is cut away
     * durably, and the last segment is forced, so that nothing built on what replay read can outlive it.
     *
     * @return the highest sequence the log reached (0 when it is empty) and the losses accepted
     * @throws CorruptedFileException on damage that is not a torn tail, naming the file and offset
     * @throws WriteAheadLogLossException when transactions are missing and the loss was not accepted;
     *         nothing on disk was changed then
     */
    Result replay(boolean acceptLoss, long after, WriteAheadLog.TransactionConsumer consumer) {
        List<LogContinuity.Scan> scans = scan();
        List<String> losses = LogContinuity.losses(checkpoint, scans);
        if (!losses.isEmpty()) {
            if (!acceptLoss) {
                throw new WriteAheadLogLossException(folder, losses);
            }
            losses.forEach(loss -> log.error("Opening {} without transactions missing from its write-ahead log, as"
                    + " acceptLogLoss allows: {}", folder.getParent(), loss));
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
        return new Result(last, losses.isEmpty() ? List.of() : List.copyOf(losses));
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
