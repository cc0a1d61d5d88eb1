package io.filestore.io;

import java.io.IOException;

/** A file open for writing: what the write path needs and nothing more. Not thread-safe. */
public interface WritableFile extends AutoCloseable {

    /** Writes all of {@code bytes[offset, offset+length)}, looping until everything is written. */
    void write(byte[] bytes, int offset, int length) throws IOException;

    /** Writes the whole array. */
    default void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    /** Forces content and metadata to the device ({@code fsync}). */
    void force() throws IOException;

    /** The current size of the file as written through this handle. */
    long position() throws IOException;

    /** Cuts the file to {@code size} bytes and continues writing there. */
    void truncate(long size) throws IOException;

    @Override
    void close() throws IOException;
}
