package io.filestore.internal.index;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.filestore.IndexEntry;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSONL index file format: one {@code {"key":...,"rowId":"..."}} line per (key, record) pair, in
 * key order. Human-readable and derived: the store rebuilds a file that is missing, stale or does not
 * parse. Thread-safe.
 */
public final class IndexFileFormat {

    private final JsonMapper mapper;
    private final ObjectReader exactReader;

    public IndexFileFormat(JsonMapper mapper) {
        this.mapper = mapper;
        // decimals read back exactly whatever the mapper's setting, so a key survives its file unchanged
        this.exactReader = mapper.readerFor(JsonNode.class)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** The file content for the entries, one line each, in the given order. */
    public byte[] encode(List<IndexEntry> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, entries.size() * 64));
        // the root value separator is what Jackson writes between top-level values: one newline per line
        try (JsonGenerator generator = mapper.writer().withRootValueSeparator("\n").createGenerator(out)) {
            for (IndexEntry entry : entries) {
                generator.writeStartObject();
                generator.writeName("key");
                Object key = entry.key();
                if (key instanceof String s) {
                    generator.writeString(s);
                } else if (key instanceof Long l) {
                    generator.writeNumber(l);
                } else if (key instanceof Double d) {
                    generator.writeNumber(BigDecimal.valueOf(d)); // the decimal the key stands for, whatever the mapper's double writer
                } else if (key instanceof BigDecimal decimal) {
                    generator.writeNumber(decimal);
                } else {
                    generator.writeBoolean((Boolean) key);
                }
                generator.writeStringProperty("rowId", entry.rowId());
                generator.writeEndObject();
            }
            if (!entries.isEmpty()) {
                generator.writeRaw('\n');
            }
        }
        return out.toByteArray();
    }

    /**
     * The entries of a file's content.
     *
     * @throws IllegalArgumentException naming the line when a line is not of the exact shape
     */
    public List<IndexEntry> decode(byte[] content) {
        List<IndexEntry> entries = new ArrayList<>();
        String text = new String(content, StandardCharsets.UTF_8);
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            if (line.isEmpty()) {
                continue;
            }
            entries.add(parseLine(line, lineNumber));
        }
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("line " + lineNumber + " is not terminated (torn write?)");
        }
        return entries;
    }

    private IndexEntry parseLine(String line, int lineNumber) {
        JsonNode node;
        try {
            node = exactReader.readValue(line);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("line " + lineNumber + " is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject() || node.size() != 2 || !node.has("key")
                || !node.path("rowId").isString()) {
            throw new IllegalArgumentException("line " + lineNumber + " is not {\"key\":...,\"rowId\":\"...\"}");
        }
        Object key = IndexKeys.of(node.get("key"));
        if (key == null) {
            throw new IllegalArgumentException("line " + lineNumber + " has a key that cannot be indexed");
        }
        return new IndexEntry(key, node.get("rowId").stringValue());
    }
}
