package io.filestore.spi;

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

    /**
     * Forces content, and the metadata needed to read it back such as a changed size, but not times
     * ({@code fdatasync}); on a preallocated file that is one write to the device instead of two.
     */
    default void forceData() throws IOException {
        force();
    }

    /**
     * Writes zeros over {@code [from, to)} without moving the write position, so that later writes
     * there change neither the file's size nor its block allocation.
     */
    void preallocate(long from, long to) throws IOException;

    /** The current size of the file as written through this handle. */
    long position() throws IOException;

    /** Cuts the file to {@code size} bytes and continues writing there. */
    void truncate(long size) throws IOException;

    @Override
    void close() throws IOException;
}
