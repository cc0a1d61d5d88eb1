package io.filestore.internal.json;

import java.io.ByteArrayOutputStream;

/**
 * The output buffer of {@link Json#compactObjectFile} and {@link RecordLines}, one per thread and reused: a new buffer per file
 * was a sizeable share of the bytes an open allocated (filestore-benchmarks/README.md, "Figures behind
 * design choices"), and each young collection during a load copies every record loaded so far. A buffer grown past {@link #KEEP} is not kept.
 */
final class ReusableBuffer extends ByteArrayOutputStream {
    private static final int KEEP = 64 * 1024;
    private static final ThreadLocal<ReusableBuffer> BUFFERS = ThreadLocal.withInitial(ReusableBuffer::new);

    private ReusableBuffer() {
        super(4096);
    }

    static ReusableBuffer forThisThread() {
        ReusableBuffer buffer = BUFFERS.get();
        if (buffer.buf.length > KEEP) {
            buffer = new ReusableBuffer();
            BUFFERS.set(buffer);
        }
        buffer.reset();
        return buffer;
    }
}
