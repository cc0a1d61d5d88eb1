package io.filestore;

import java.util.Optional;

import tools.jackson.databind.node.ObjectNode;

/**
 * One record's committed change, as listeners, hooks and {@link ChangeSet}s see it. The before and
 * after images are parsed on demand, and every call returns a fresh tree the caller may modify.
 * Implemented by the store; immutable and thread-safe. Its {@code toString()} reads
 * {@code "UPDATED users/u1"}.
 */
public interface RecordChange {

    /** The collection of the record. */
    String collection();

    /** The record id. */
    String id();

    /** Whether the record was created, updated or deleted. */
    ChangeType type();

    /** The record before the change; empty when it was created. */
    Optional<ObjectNode> before();

    /** The record after the change; empty when it was deleted. */
    Optional<ObjectNode> after();

    /** The record after the change bound to a Java type; empty when it was deleted. */
    <T> Optional<T> after(Class<T> type);
}
