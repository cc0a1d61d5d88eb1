package io.filestore.internal.wal;

import java.nio.ByteBuffer;

/**
 * Records committed but not yet written, with fsync per commit: committing threads encode their
 * frames here, in sequence order, and the group's leader takes them all at once. Thread-safe; its lock
 * is a leaf (held for a copy, never while taking another lock).
 */
final class PendingGroup {

    /** What a leader took: the frames' bytes and the last sequence among them. */
    record Taken(ByteBuffer frames, long lastSequence) {
        boolean isEmpty() {
            return frames.position() == 0;
        }
    }

    private ByteBuffer pending = ByteBuffer.allocate(64 * 1024);
    private ByteBuffer spare = ByteBuffer.allocate(64 * 1024);
    private long lastSequence;

    /** Encodes one record behind the others. */
    synchronized void add(long sequence, byte[] payload) {
        int size = SegmentFormat.frameSize(payload.length);
        if (pending.remaining() < size) {
            ByteBuffer larger = ByteBuffer.allocate(Math.max(pending.capacity() * 2, pending.position() + size));
            pending.flip();
            larger.put(pending);
            pending = larger;
        }
        SegmentFormat.writeFrame(pending, sequence, SegmentFormat.TYPE_TRANSACTION, payload);
        lastSequence = sequence;
    }

    /**
     * Takes every pending record; the returned buffer stays valid until the next call (one leader at a
     * time calls this).
     */
    synchronized Taken take() {
        ByteBuffer full = pending;
        pending = spare;
        pending.clear();
        spare = full;
        return new Taken(full, lastSequence);
    }
}
