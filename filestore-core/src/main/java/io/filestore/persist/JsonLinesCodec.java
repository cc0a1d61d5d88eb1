package io.filestore.persist;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.filestore.CorruptedFileException;
import io.filestore.json.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code format: jsonl}: one compact record per line, carrying its id as its first member
 * ({@code {"id":"u1","email":...}}). A record's own {@code id} member is not kept apart from the key.
 * A line {@code {"id":"u1","_deleted":true}} is a deletion (used by append-only files).
 */
final class JsonLinesCodec implements RecordFileCodec {

    /** The member that marks a deletion line. */
    static final String DELETED = "_deleted";

    private final Json json;

    JsonLinesCodec(Json json) {
        this.json = json;
    }

    @Override
    public byte[] encode(Map<String, byte[]> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(records.size() * 320);
        new TreeMap<>(records).forEach((id, bytes) -> out.writeBytes(line(id, bytes)));
        return out.toByteArray();
    }

    /** One line for a record, or a deletion line when {@code bytes} is null, with its newline. */
    byte[] line(String id, byte[] bytes) {
        ObjectNode line = json.newObject();
        line.put("id", id);
        if (bytes == null) {
            line.put(DELETED, true);
        } else {
            for (Map.Entry<String, JsonNode> member : json.parseObject(bytes).properties()) {
                if (!member.getKey().equals("id")) {
                    line.set(member.getKey(), member.getValue());
                }
            }
        }
        byte[] compact = json.toBytes(line);
        byte[] withNewline = java.util.Arrays.copyOf(compact, compact.length + 1);
        withNewline[compact.length] = '\n';
        return withNewline;
    }

    @Override
    public Map<String, ObjectNode> decode(byte[] content, Path file) {
        Map<String, ObjectNode> records = new LinkedHashMap<>();
        int start = 0;
        int lineNumber = 0;
        while (start < content.length) {
            int end = indexOf(content, (byte) '\n', start);
            lineNumber++;
            if (end < 0) {
                throw new CorruptedFileException(file, start, "line " + lineNumber + " has no line end (torn write?)");
            }
            apply(parseLine(content, start, end, file, lineNumber), records);
            start = end + 1;
        }
        return records;
    }

    /** Parses one line; {@code end} is the offset of its newline. */
    ObjectNode parseLine(byte[] content, int start, int end, Path file, int lineNumber) {
        JsonNode node;
        try {
            node = json.mapper().readTree(new String(content, start, end - start, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new CorruptedFileException(file, start, "line " + lineNumber + " is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject() || !node.path("id").isString()) {
            throw new CorruptedFileException(file, start, "line " + lineNumber + " is not a JSON object with a string \"id\"");
        }
        return (ObjectNode) node;
    }

    /** Applies a parsed line to the records: a put, or a deletion. */
    static void apply(ObjectNode line, Map<String, ObjectNode> records) {
        String id = line.remove("id").stringValue();
        if (line.path(DELETED).asBoolean(false) && line.size() == 1) {
            records.remove(id);
        } else {
            records.put(id, line);
        }
    }

    static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
