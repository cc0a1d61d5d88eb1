package io.filestore;

import java.util.Optional;

import io.filestore.json.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * One record's committed change. The before and after images are parsed on demand, and every call
 * returns a fresh tree the caller may modify. Immutable and thread-safe.
 */
public final class RecordChange {

    private final String collection;
    private final String id;
    private final byte[] before;
    private final byte[] after;
    private final Json json;

    public RecordChange(String collection, String id, byte[] before, byte[] after, Json json) {
        this.collection = collection;
        this.id = id;
        this.before = before;
        this.after = after;
        this.json = json;
    }

    /** The collection of the record. */
    public String collection() {
        return collection;
    }

    /** The record id. */
    public String id() {
        return id;
    }

    /** Whether the record was created, updated or deleted. */
    public ChangeType type() {
        return before == null ? ChangeType.CREATED : after == null ? ChangeType.DELETED : ChangeType.UPDATED;
    }

    /** The record before the change; empty when it was created. */
    public Optional<ObjectNode> before() {
        return before == null ? Optional.empty() : Optional.of(json.parseObject(before));
    }

    /** The record after the change; empty when it was deleted. */
    public Optional<ObjectNode> after() {
        return after == null ? Optional.empty() : Optional.of(json.parseObject(after));
    }

    /** The record after the change bound to a Java type; empty when it was deleted. */
    public <T> Optional<T> after(Class<T> type) {
        return after == null ? Optional.empty() : Optional.of(json.read(after, type));
    }

    @Override
    public String toString() {
        return type() + " " + collection + "/" + id;
    }
}
