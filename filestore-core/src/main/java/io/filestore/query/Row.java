package io.filestore.query;

import java.util.ArrayList;
import java.util.List;

import io.filestore.internal.index.IndexKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A record as a query sees it: its id and its fields, with each join's records attached under the
 * join's alias. The pseudo-field {@code id} is the record id unless the record has an {@code id} field.
 */
public final class Row {

    private static final String[] NO_SEGMENTS = {};

    private final String id;
    private final ObjectNode record;

    public Row(String id, ObjectNode record) {
        this.id = id;
        this.record = record;
    }

    /** The record id. */
    public String id() {
        return id;
    }

    /** The record with its joins attached. */
    public ObjectNode record() {
        return record;
    }

    /**
     * The JSON values at a dotted path, entering arrays met on the way element by element; an array at
     * the end of the path is one value. Missing fields give nothing, so a path can yield zero, one or
     * several values.
     */
    public List<JsonNode> values(String path) {
        List<JsonNode> out = new ArrayList<>(1);
        if (path.equals("id") && !record.has("id")) {
            out.add(StringNode.valueOf(id));
            return out;
        }
        if (path.indexOf('.') < 0) { // a top-level field, the usual case: no split per call
            collect(record.get(path), NO_SEGMENTS, 0, out);
            return out;
        }
        collect(record, path.split("\\."), 0, out);
        return out;
    }

    /**
     * The scalar keys at a path as {@link IndexKeys} values, arrays at the end entered as well, so that
     * queries compare exactly as indexes do. JSON null and objects give no key.
     */
    public List<Object> keys(String path) {
        List<Object> keys = new ArrayList<>(1);
        for (JsonNode value : values(path)) {
            if (value.isArray()) {
                value.forEach(element -> addKey(element, keys));
            } else {
                addKey(value, keys);
            }
        }
        return keys;
    }

    private static void addKey(JsonNode node, List<Object> keys) {
        Object key = IndexKeys.of(node);
        if (key != null) {
            keys.add(key);
        }
    }

    private static void collect(JsonNode node, String[] segments, int depth, List<JsonNode> out) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (depth == segments.length) {
            out.add(node);
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> collect(element, segments, depth, out));
        } else if (node.isObject()) {
            collect(node.get(segments[depth]), segments, depth + 1, out);
        }
    }
}
