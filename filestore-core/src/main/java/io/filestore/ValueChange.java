package io.filestore;

import java.util.Optional;

import io.filestore.json.Json;
import tools.jackson.databind.JsonNode;

/** One global value's committed change; images are parsed on demand. Immutable and thread-safe. */
public final class ValueChange {

    private final String key;
    private final byte[] before;
    private final byte[] after;
    private final Json json;

    public ValueChange(String key, byte[] before, byte[] after, Json json) {
        this.key = key;
        this.before = before;
        this.after = after;
        this.json = json;
    }

    /** The value's key. */
    public String key() {
        return key;
    }

    /** Whether the value was created, updated or deleted. */
    public ChangeType type() {
        return before == null ? ChangeType.CREATED : after == null ? ChangeType.DELETED : ChangeType.UPDATED;
    }

    /** The value before; empty when it was created. */
    public Optional<JsonNode> before() {
        return before == null ? Optional.empty() : Optional.of(json.parse(before));
    }

    /** The value after; empty when it was deleted. */
    public Optional<JsonNode> after() {
        return after == null ? Optional.empty() : Optional.of(json.parse(after));
    }

    @Override
    public String toString() {
        return type() + " value " + key;
    }
}
