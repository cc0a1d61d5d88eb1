package io.filestore.internal.persist;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;

import io.filestore.internal.json.Json;
import io.filestore.spi.CollectionPersister;

/** {@code format: json}: one pretty-printed object mapping each id to its record, ids in order. */
final class JsonObjectCodec implements RecordFileCodec {

    private final Json json;

    JsonObjectCodec(Json json) {
        this.json = json;
    }

    @Override
    public byte[] encode(Map<String, byte[]> records) {
        return json.prettyObject(new TreeMap<>(records));
    }

    /** Copies every record of the object, without a tree of the whole file, then hands each to the sink. */
    @Override
    public void decodeInto(byte[] content, Path file, CollectionPersister.RecordSink sink, ExecutorService pool) {
        Map<String, Json.CompactRecord> records = json.compactRecordsObject(content, file, sink.treeFields());
        sink.expect(records.size());
        records.forEach((id, record) -> sink.acceptCompact(id, record.bytes(), record.fields(), json));
    }
}
