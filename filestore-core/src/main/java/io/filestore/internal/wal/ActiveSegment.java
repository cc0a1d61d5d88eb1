package io.filestore.internal.wal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

import io.filestore.spi.StorageIO;
import io.filestore.spi.WritableFile;

/**
 * The segment being written: its open file, its logical end ({@link Segment#size}), and the zeros
 * written ahead of that end.
 *
 * <p>Why zeros ahead: an fsync of a file that grew must also write the file's inode (its new size), a
 * second device write per commit. Records written over zeros already allocated change no size, so
 * {@code fdatasync} writes the records' pages alone, which makes a group fsync measurably faster
 * (filestore-benchmarks/README.md, "Figures behind design choices"). The zeros are extended {@link #PREALLOCATION} at a time by the
 * write that needs them (a plain write to the page cache, made durable by that write's own fsync), and
 * a reader takes a zero tail after the last record as the segment's clean end ({@link SegmentReader}).
 *
 * <p>Not thread-safe: {@link LogWriter} calls it from the one thread allowed to touch the file.
 */
final class ActiveSegment {

    /** How far ahead of the records zeros are written: about 3,000 records of 300 bytes. */
    static final long PREALLOCATION = 1024 * 1024;

    final Segment segment;
    private final WritableFile file;
    private long allocatedEnd;

    private ActiveSegment(Segment segment, WritableFile file) {
        this.segment = segment;
        this.file = file;
        this.allocatedEnd = SegmentFormat.CREATED_SIZE;
    }

    /** Creates the segment file durably, with its first zeros (see {@link Segment#create}). */
    static ActiveSegment create(StorageIO io, Path folder, UUID storeId, long segmentSequence,
                                long previousSequence) throws IOException {
        WritableFile file = Segment.create(io, folder, storeId, segmentSequence, previousSequence);
        Segment segment = new Segment(folder.resolve(Segment.fileName(segmentSequence)), segmentSequence, 0, SegmentFormat.HEADER_SIZE);
        return new ActiveSegment(segment, file);
    }

    /**
     * Writes whole frames at the end of the records, first extending the zeros when they would not
     * cover them.
     *
     * @param lastSequence the sequence of the last frame among them
     */
    void write(byte[] frames, int length, long lastSequence) throws IOException {
        long end = segment.size + length;
        if (end > allocatedEnd) {
            long to = Math.max(end, allocatedEnd + PREALLOCATION);
            file.preallocate(allocatedEnd, to);
            allocatedEnd = to;
        }
        file.write(frames, 0, length);
        segment.size = end;
        segment.lastSequence = lastSequence;
    }

    /** Makes every record written so far durable. */
    void force() throws IOException {
        file.forceData(); // a changed size is forced too: it is needed to read the records back
    }

    /**
     * Drops the records after {@code offset}: cuts the file back to it, or zeros them where that would
     * make the file shorter than it was created (which would read as a segment cut by someone else).
     */
    void cutBack(long offset) throws IOException {
        long keep = Math.max(offset, SegmentFormat.CREATED_SIZE);
        file.truncate(keep);
        if (keep > offset) {
            file.preallocate(offset, keep);
        }
        segment.size = offset;
        allocatedEnd = keep;
    }

    void close() throws IOException {
        file.close();
    }
}
