package io.filestore.internal.wal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

import io.filestore.internal.io.AtomicFiles;
import io.filestore.spi.StorageIO;
import io.filestore.spi.WritableFile;

/**
 * What the log knows of one segment file: where it is, its sequence, and the last record sequence it
 * holds (0 when none). Mutable fields are written by the log writer under its segment lock and read
 * by anyone.
 */
final class Segment {

    /** Segment files are named {@code segment-<16-digit sequence>.wal}. */
    static final String PREFIX = "segment-";
    static final String SUFFIX = ".wal";

    final Path file;
    final long segmentSequence;
    volatile long lastSequence;
    volatile long size;

    Segment(Path file, long segmentSequence, long lastSequence, long size) {
        this.file = file;
        this.segmentSequence = segmentSequence;
        this.lastSequence = lastSequence;
        this.size = size;
    }

    /**
     * Creates a new segment file durably and whole: header and zeros up to
     * {@link SegmentFormat#CREATED_SIZE} written and forced under a temporary name, renamed, folder
     * synced. So a record acknowledged in it can never sit in a file the folder forgets, and a segment
     * file is never seen shorter than it was created (a shorter one was cut by something else).
     *
     * @param previousSequence the last transaction logged before this segment
     * @return the open file, positioned after the header
     */
    static WritableFile create(StorageIO io, Path folder, UUID storeId, long segmentSequence,
                               long previousSequence) throws IOException {
        Path file = folder.resolve(fileName(segmentSequence));
        Path temp = folder.resolve(fileName(segmentSequence) + AtomicFiles.TEMP_SUFFIX);
        io.deleteIfExists(temp);
        WritableFile created = io.createNew(temp);
        try {
            created.write(SegmentFormat.header(storeId, segmentSequence, previousSequence));
            created.preallocate(SegmentFormat.HEADER_SIZE, SegmentFormat.CREATED_SIZE);
            created.force();
            io.moveAtomically(temp, file); // the open handle follows the file
            io.syncDirectory(folder);
        } catch (IOException | RuntimeException e) {
            created.close();
            throw e;
        }
        return created;
    }

    /**
     * Drops a torn record from the end of the file durably: zeros over it (a segment of the current
     * format is never made shorter than it was created, which would read as a cut), or cuts the file.
     */
    void cutTornTail(StorageIO io, SegmentReader.Result result) throws IOException {
        long end = result.validEnd();
        long keep = result.header().version() >= 2 ? Math.max(end, SegmentFormat.CREATED_SIZE) : end;
        try (WritableFile out = io.openForAppend(file)) {
            out.truncate(keep);
            if (keep > end) {
                out.preallocate(end, keep);
            }
            out.force();
        }
        size = keep;
    }

    /** Makes what the file holds durable, whoever wrote it. */
    void force(StorageIO io) throws IOException {
        try (WritableFile out = io.openForAppend(file)) {
            out.force();
        }
    }

    static String fileName(long segmentSequence) {
        return String.format("%s%016d%s", PREFIX, segmentSequence, SUFFIX);
    }

    /** The segment sequence in a file name, or -1 when the name is not a segment's. */
    static long sequenceOf(String fileName) {
        if (!fileName.startsWith(PREFIX) || !fileName.endsWith(SUFFIX)) {
            return -1;
        }
        try {
            return Long.parseLong(fileName.substring(PREFIX.length(), fileName.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
