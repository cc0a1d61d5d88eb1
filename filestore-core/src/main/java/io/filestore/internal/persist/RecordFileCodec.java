package io.filestore.internal.persist;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import io.filestore.CorruptedFileException;
import io.filestore.spi.CollectionPersister;

/**
 * How a whole collection is encoded in one file: JSON object, JSON lines, or compressed JSON lines.
 * Implementations are stateless and thread-safe.
 */
interface RecordFileCodec {

    /** The file content for the records (id -> compact JSON), in id order. */
    byte[] encode(Map<String, byte[]> records);

    /**
     * Reads the records of a file's content into the sink, all or nothing: the sink sees no record
     * unless the whole content decodes.
     *
     * @param pool threads the codec may spread the work over; the caller must not be one of them
     * @throws CorruptedFileException naming the file and the offset of the first problem, before any
     *         record reached the sink
     */
    void decodeInto(byte[] content, Path file, CollectionPersister.RecordSink sink, ExecutorService pool);
}
