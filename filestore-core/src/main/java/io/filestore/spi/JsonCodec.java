package io.filestore.spi;

import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The store's JSON codec as a persister sees it: records are compact JSON bytes in memory, and a
 * persister that keeps another form parses and encodes them here, so that the store's JSON limits hold
 * on every path. Thread-safe.
 */
public interface JsonCodec {

    /** The compact JSON of a tree. */
    byte[] toBytes(JsonNode node);

    /** The pretty-printed form of compact JSON, as the store writes record files. */
    byte[] pretty(byte[] compact);

    /** Parses a JSON object the store wrote itself. */
    ObjectNode parseObject(byte[] bytes);

    /**
     * Parses the JSON object of a file read from the disk.
     *
     * @throws io.filestore.CorruptedFileException naming {@code file} when the bytes are not one JSON
     *         object within the store's limits (the persister then moves the file to the
     *         {@link Quarantine})
     */
    ObjectNode parseObjectFile(byte[] bytes, Path file);
}
