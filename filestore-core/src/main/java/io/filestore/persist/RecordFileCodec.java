package io.filestore.persist;

import java.nio.file.Path;
import java.util.Map;

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
}
