package io.filestore.internal.wal;

import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * The bytes of WAL segment files.
 *
 * <p><b>Segment header</b> (48 bytes): magic {@code FSWAL001} (8), format version (4), store id as a
 * UUID (16), segment sequence (8), the sequence of the last transaction logged before this segment
 * (8), CRC32C of the preceding 44 bytes (4). Version 1, written before the log knew its own continuity,
 * has a 40-byte header without the previous sequence; it is still read.
 *
 * <p>A segment is created whole, {@link #CREATED_SIZE} bytes of header and zeros, under a temporary
 * name and renamed once forced, and is never cut below that size by the store; so a version 2 segment
 * that is shorter was cut by something else, and the records it held are lost.
 *
 * <p><b>Record frame</b> (17 bytes + payload): payload length (4), CRC32C (4) over the length,
 * sequence, type and payload, sequence number (8), type (1), payload. A transaction is one record, so
 * it is replayed whole or not at all. Stateless and thread-safe.
 */
public final class SegmentFormat {

    /** The format version this code writes; it reads version 1 too. */
    public static final int VERSION = 2;
    /** Size of the segment header this code writes. */
    public static final int HEADER_SIZE = 48;
    /** Size of a version 1 segment header. */
    static final int V1_HEADER_SIZE = 40;
    /** The size a segment file is created with: its header and zeros for the first records. */
    public static final int CREATED_SIZE = HEADER_SIZE + 1024 * 1024;
    /** Size of a record frame before its payload. */
    public static final int FRAME_HEADER_SIZE = 17;
    /** The largest payload accepted; larger lengths are read as corruption. */
    public static final int MAX_PAYLOAD = 512 * 1024 * 1024;
    /** Record type of a committed transaction (payload: {@link ChangeCodec} entries). */
    public static final byte TYPE_TRANSACTION = 1;

    private static final long MAGIC = 0x465357414C303031L; // "FSWAL001"

    private SegmentFormat() {
    }

    /**
     * A parsed segment header.
     *
     * @param previousSequence the last transaction logged before the segment, or -1 when the version does
     *                         not tell
     * @param size             the header's size, where the records start
     */
    public record Header(int version, UUID storeId, long segmentSequence, long previousSequence, int size) {
    }

    /** The header bytes of a new segment that follows transaction {@code previousSequence}. */
    public static byte[] header(UUID storeId, long segmentSequence, long previousSequence) {
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_SIZE);
        buffer.putLong(MAGIC).putInt(VERSION).putLong(storeId.getMostSignificantBits())
                .putLong(storeId.getLeastSignificantBits()).putLong(segmentSequence).putLong(previousSequence);
        buffer.putInt(crc(buffer.array(), 0, HEADER_SIZE - 4));
        return buffer.array();
    }

    /** The size of the header these bytes start with, as far as they tell; {@link #HEADER_SIZE} otherwise. */
    static int headerSize(byte[] bytes) {
        if (bytes.length >= 12 && ByteBuffer.wrap(bytes).getLong(0) == MAGIC && ByteBuffer.wrap(bytes).getInt(8) == 1) {
            return V1_HEADER_SIZE;
        }
        return HEADER_SIZE;
    }

    /**
     * Parses a header.
     *
     * @throws IllegalArgumentException describing what is wrong
     */
    public static Header parseHeader(byte[] bytes) {
        int size = headerSize(bytes);
        if (bytes.length < size) {
            throw new IllegalArgumentException("shorter than the " + size + "-byte segment header");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, size);
        if (in.getLong() != MAGIC) {
            throw new IllegalArgumentException("not a FileStore WAL segment (bad magic)");
        }
        int version = in.getInt();
        if (version != VERSION && version != 1) {
            throw new IllegalArgumentException("unsupported WAL format version " + version);
        }
        UUID storeId = new UUID(in.getLong(), in.getLong());
        long segmentSequence = in.getLong();
        long previousSequence = version == 1 ? -1 : in.getLong();
        if (in.getInt() != crc(bytes, 0, size - 4)) {
            throw new IllegalArgumentException("segment header checksum mismatch");
        }
        return new Header(version, storeId, segmentSequence, previousSequence, size);
    }

    /** Appends one record frame to {@code out} at its position. */
    public static void writeFrame(ByteBuffer out, long sequence, byte type, byte[] payload) {
        int start = out.position();
        out.putInt(payload.length).putInt(0).putLong(sequence).put(type).put(payload);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), start, 4);
        crc.update(out.array(), start + 8, FRAME_HEADER_SIZE - 8 + payload.length);
        out.putInt(start + 4, (int) crc.getValue());
    }

    /** The size of a frame holding {@code payloadLength} bytes. */
    public static int frameSize(int payloadLength) {
        return FRAME_HEADER_SIZE + payloadLength;
    }

    /**
     * Whether a valid frame starts at {@code offset}: its length fits the file and its checksum
     * matches.
     */
    static boolean isValidFrame(byte[] bytes, int offset, int end) {
        if (end - offset < FRAME_HEADER_SIZE) {
            return false;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int length = in.getInt(offset);
        if (length < 0 || length > MAX_PAYLOAD || length > end - offset - FRAME_HEADER_SIZE) {
            return false;
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, 4);
        crc.update(bytes, offset + 8, FRAME_HEADER_SIZE - 8 + length);
        return in.getInt(offset + 4) == (int) crc.getValue();
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
