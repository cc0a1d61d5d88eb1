package io.filestore.internal.wal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.filestore.CorruptedFileException;

/**
 * Reads the records of one segment and tells a torn tail from corruption: zeros after the last record
 * are the segment's clean end (the writer allocates them ahead); a bad record with no valid record
 * after it is what an interrupted append leaves (the caller truncates it away); a bad record followed
 * by a valid one is damage, and reading refuses with the file and offset. Stateless.
 */
final class SegmentReader {

    /** One record read back. */
    record Record(long sequence, byte type, byte[] payload) {
    }

    /**
     * What a segment holds.
     *
     * @param header    its header, or {@code null} when the file is shorter than a header (torn at creation)
     * @param records   the valid records in order
     * @param validEnd  the offset after the last valid record
     * @param tornAt    a description of the torn tail, or {@code null} when the segment ends cleanly
     */
    record Result(SegmentFormat.Header header, List<Record> records, int validEnd, @Nullable String tornAt) {
        long lastSequence() {
            return records.isEmpty() ? 0 : records.get(records.size() - 1).sequence();
        }
    }

    private SegmentReader() {
    }

    /**
     * Reads a segment's bytes.
     *
     * @param previousSequence the last sequence of the segments before; every record must be above it
     * @throws CorruptedFileException on a bad header or a bad record followed by good ones
     */
    static Result read(Path file, byte[] bytes, long previousSequence) {
        if (bytes.length < SegmentFormat.headerSize(bytes)) {
            return new Result(null, List.of(), 0, "segment header torn after " + bytes.length + " bytes");
        }
        SegmentFormat.Header header;
        try {
            header = SegmentFormat.parseHeader(bytes);
        } catch (IllegalArgumentException e) {
            throw new CorruptedFileException(file, 0, e.getMessage());
        }
        List<Record> records = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int offset = header.size();
        long last = previousSequence;
        while (offset < bytes.length) {
            long sequence = bytes.length - offset >= SegmentFormat.FRAME_HEADER_SIZE ? in.getLong(offset + 8) : -1;
            if (!SegmentFormat.isValidFrame(bytes, offset, bytes.length) || sequence <= last) {
                if (isZeros(bytes, offset)) {
                    break; // the zeros the writer allocates ahead of its records (ActiveSegment)
                }
                int goodLater = findValidFrame(bytes, offset + 1, last);
                if (goodLater >= 0) {
                    throw new CorruptedFileException(file, offset, "damaged WAL record followed by a valid record at offset "
                            + goodLater + "; refusing to open so that no acknowledged write is skipped");
                }
                return new Result(header, records, offset, "torn record at offset " + offset + " of " + bytes.length + " bytes");
            }
            int length = in.getInt(offset);
            byte[] payload = new byte[length];
            System.arraycopy(bytes, offset + SegmentFormat.FRAME_HEADER_SIZE, payload, 0, length);
            records.add(new Record(sequence, bytes[offset + 16], payload));
            last = sequence;
            offset += SegmentFormat.frameSize(length);
        }
        return new Result(header, records, offset, null);
    }

    private static boolean isZeros(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int findValidFrame(byte[] bytes, int from, long after) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        for (int offset = from; offset + SegmentFormat.FRAME_HEADER_SIZE <= bytes.length; offset++) {
            if (SegmentFormat.isValidFrame(bytes, offset, bytes.length) && in.getLong(offset + 8) > after) {
                return offset;
            }
        }
        return -1;
    }
}
