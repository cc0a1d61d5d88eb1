package io.filestore;

import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * One global value's committed change; images are parsed on demand. Implemented by the store;
 * immutable and thread-safe. Its {@code toString()} reads {@code "UPDATED value k"}.
 */
public interface ValueChange {

    /** The value's key. */
    String key();

    /** Whether the value was created, updated or deleted. */
    ChangeType type();

    /** The value before; empty when it was created. */
    Optional<JsonNode> before();

    /** The value after; empty when it was deleted. */
    Optional<JsonNode> after();
}
