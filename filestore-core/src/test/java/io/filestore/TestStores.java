package io.filestore;

import java.nio.file.Path;
import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Shared fixtures: stores with the usual test collections, and records built from key-value pairs. */
public final class TestStores {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private TestStores() {
    }

    /**
     * Users (WAL by default; email unique, username and address.city indexed), orders (no WAL: batched;
     * userId, status, total indexed), sessions (memory-only).
     */
    public static FileStoreOptions.Builder options(Path dir) {
        return FileStoreOptions.builder(dir)
                .flushInterval(Duration.ofHours(1))
                .collection(CollectionOptions.builder("users").unique("email").indexed("username", "address.city").build())
                .collection(CollectionOptions.builder("orders").wal(false).indexed("userId", "status", "total").build())
                .collection(CollectionOptions.builder("sessions").strategy(Strategy.MEMORY_ONLY).indexed("userId").build());
    }

    public static FileStore open(Path dir) {
        return FileStore.open(options(dir).build());
    }

    /** An object node of alternating field names and values. */
    public static ObjectNode json(Object... fieldsAndValues) {
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            node.set((String) fieldsAndValues[i], MAPPER.valueToTree(fieldsAndValues[i + 1]));
        }
        return node;
    }
}
