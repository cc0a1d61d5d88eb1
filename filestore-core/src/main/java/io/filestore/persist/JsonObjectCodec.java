package io.filestore.persist;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;

import io.filestore.CorruptedFileException;
import io.filestore.json.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code format: json}: one pretty-printed object mapping each id to its record, ids in order. */
final class JsonObjectCodec implements RecordFileCodec {

    private final Json json;

    JsonObjectCodec(Json json) {
        this.json = json;
    }

    @Override
    public byte[] encode(Map<String, byte[]> records) {
        ObjectNode all = json.newObject();
        new TreeMap<>(records).forEach((id, bytes) -> all.set(id, json.parse(bytes)));
        return json.pretty(json.toBytes(all));
    }

    /** Parses the whole object, checks that every member is an object, then hands each to the sink. */
    @Override
    public void decodeInto(byte[] content, Path file, CollectionPersister.RecordSink sink, ExecutorService pool) {
        ObjectNode all = json.parseObjectFile(content, file);
        Map<String, ObjectNode> records = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : all.properties()) {
            if (!entry.getValue().isObject()) {
                throw new CorruptedFileException(file, 0, "record '" + entry.getKey() + "' is not a JSON object");
            }
            records.put(entry.getKey(), (ObjectNode) entry.getValue());
        }
        records.forEach(sink::accept);
    }
}
