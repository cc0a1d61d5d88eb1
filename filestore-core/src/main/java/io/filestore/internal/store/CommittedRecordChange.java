package io.filestore.internal.store;

import java.util.Optional;

import io.filestore.ChangeType;
import io.filestore.RecordChange;
import io.filestore.internal.json.Json;
import tools.jackson.databind.node.ObjectNode;

/** A committed {@link RecordChange}: the images as compact JSON, parsed on each call. Immutable and thread-safe. */
final class CommittedRecordChange implements RecordChange {

    private final String collection;
    private final String id;
    private final byte[] before;
    private final byte[] after;
    private final Json json;

    CommittedRecordChange(String collection, String id, byte[] before, byte[] after, Json json) {
        this.collection = collection;
        this.id = id;
        this.before = before;
        this.after = after;
        this.json = json;
    }

    @Override
    public String collection() {
        return collection;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ChangeType type() {
        return before == null ? ChangeType.CREATED : after == null ? ChangeType.DELETED : ChangeType.UPDATED;
    }

    @Override
    public Optional<ObjectNode> before() {
        return before == null ? Optional.empty() : Optional.of(json.parseObject(before));
    }

    @Override
    public Optional<ObjectNode> after() {
        return after == null ? Optional.empty() : Optional.of(json.parseObject(after));
    }

    @Override
    public <T> Optional<T> after(Class<T> type) {
        return after == null ? Optional.empty() : Optional.of(json.read(after, type));
    }

    @Override
    public String toString() {
        return type() + " " + collection + "/" + id;
    }
}
