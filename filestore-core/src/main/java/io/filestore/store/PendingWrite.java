package io.filestore.store;

import java.util.List;

/**
 * A record's image as a transaction will commit it: compact JSON and its index keys, or a deletion.
 * Immutable.
 */
record PendingWrite(byte[] bytes, List<List<Object>> keys) {

    static final PendingWrite DELETE = new PendingWrite(null, List.of());

    boolean isDelete() {
        return bytes == null;
    }
}
