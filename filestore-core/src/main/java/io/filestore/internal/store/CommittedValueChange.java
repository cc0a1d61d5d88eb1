package io.filestore.internal.store;

import java.util.Optional;

import io.filestore.ChangeType;
import io.filestore.ValueChange;
import io.filestore.internal.json.Json;
import tools.jackson.databind.JsonNode;

/** A committed {@link ValueChange}: the images as compact JSON, parsed on each call. Immutable and thread-safe. */
final class CommittedValueChange implements ValueChange {

    private final String key;
    private final byte[] before;
    private final byte[] after;
    private final Json json;

    CommittedValueChange(String key, byte[] before, byte[] after, Json json) {
        this.key = key;
        this.before = before;
        this.after = after;
        this.json = json;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public ChangeType type() {
        return before == null ? ChangeType.CREATED : after == null ? ChangeType.DELETED : ChangeType.UPDATED;
    }

    @Override
    public Optional<JsonNode> before() {
        return before == null ? Optional.empty() : Optional.of(json.parse(before));
    }

    @Override
    public Optional<JsonNode> after() {
        return after == null ? Optional.empty() : Optional.of(json.parse(after));
    }

    @Override
    public String toString() {
        return type() + " value " + key;
    }
}
