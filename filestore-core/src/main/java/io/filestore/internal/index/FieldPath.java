package io.filestore.internal.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A dotted path into a record, such as {@code address.city}. Arrays on the way are entered element
 * by element, so a path can yield several keys (a multi-key index, as in MongoDB). Immutable.
 */
public final class FieldPath {

    /** What a path segment may contain; it also names the index file, so it can never form a path. */
    public static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_$@-]+");

    private final String path;
    private final String[] segments;

    private FieldPath(String path) {
        this.path = path;
        this.segments = path.split("\\.");
    }

    /** Parses a dotted path; {@code null} when a segment is empty or holds other characters than {@link #SEGMENT}. */
    public static @Nullable FieldPath parse(@Nullable String path) {
        if (path == null || path.isEmpty() || path.startsWith(".") || path.endsWith(".")) {
            return null;
        }
        for (String segment : path.split("\\.")) {
            if (!SEGMENT.matcher(segment).matches()) {
                return null;
            }
        }
        return new FieldPath(path);
    }

    /** The path as written. */
    public String path() {
        return path;
    }

    /** The top-level field the path starts with (the whole path when it has one segment). */
    public String head() {
        return segments[0];
    }

    /** The index keys the record has at this path, in document order; empty when none. */
    public List<Object> keysOf(JsonNode record) {
        List<Object> keys = new ArrayList<>(1);
        forEachKey(record, keys::add);
        return keys.isEmpty() ? List.of() : keys.size() == 1 ? List.of(keys.get(0)) : List.copyOf(new LinkedHashSet<>(keys));
    }

    /** Calls {@code visitor} with each index key the record has at this path, in document order; a key an array repeats comes again. */
    public void forEachKey(JsonNode record, Consumer<Object> visitor) {
        collect(record, 0, visitor);
    }

    private void collect(JsonNode node, int depth, Consumer<Object> visitor) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, depth, visitor);
            }
            return;
        }
        if (depth == segments.length) {
            Object key = IndexKeys.of(node);
            if (key != null) {
                visitor.accept(key);
            }
            return;
        }
        if (node.isObject()) {
            collect(node.get(segments[depth]), depth + 1, visitor);
        }
    }

    @Override
    public String toString() {
        return path;
    }
}
