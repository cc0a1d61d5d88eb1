package io.filestore.wal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

import io.filestore.io.StorageIO;
import io.filestore.io.WritableFile;

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
     * Creates a new segment file durably: header written and forced, folder synced, so that a record
     * acknowledged in it can never sit in a file the folder forgets.
     *
     * @return the open file, positioned after the header
     */
    static WritableFile create(StorageIO io, Path folder, UUID storeId,
                                               long segmentSequence) throws IOException {
        WritableFile created = io.createNew(folder.resolve(fileName(segmentSequence)));
        try {
            created.write(SegmentFormat.header(storeId, segmentSequence));
            created.force();
            io.syncDirectory(folder);
        } catch (IOException | RuntimeException e) {
            created.close();
            throw e;
        }
        return created;
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
