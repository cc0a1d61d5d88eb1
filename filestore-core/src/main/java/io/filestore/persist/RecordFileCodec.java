package io.filestore.persist;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import io.filestore.CorruptedFileException;

/**
 * How a whole collection is encoded in one file: JSON object, JSON lines, or compressed JSON lines.
 * Implementations are stateless and thread-safe.
 */
interface RecordFileCodec {

    /** The file content for the records (id -> compact JSON), in id order. */
    byte[] encode(Map<String, byte[]> records);

    /**
     * The records in a file's content, id -> record object.
     *
     * @throws CorruptedFileException naming the file and the offset of the first problem
     */
    Map<String, tools.jackson.databind.node.ObjectNode> decode(byte[] content, Path file);

    /**
     * Reads the records of a file's content into the sink, all or nothing: the sink sees no record
     * unless the whole content decodes. Default: {@link #decode}, then each tree.
     *
     * @param pool threads the codec may spread the work over; the caller must not be one of them
     * @throws CorruptedFileException as {@link #decode}, before any record reached the sink
     */
    default void decodeInto(byte[] content, Path file, CollectionPersister.RecordSink sink, ExecutorService pool) {
        decode(content, file).forEach(sink::accept);
    }
}
