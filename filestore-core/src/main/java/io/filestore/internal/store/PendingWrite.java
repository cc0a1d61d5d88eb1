package io.filestore.internal.store;

import java.util.List;

/**
 * A record's image as a transaction will commit it: compact JSON and its index keys, or a deletion.
 * {@code onDisk} marks a write that came from the record's file (an outside edit), which needs no
 * flush. Immutable.
 */
record PendingWrite(byte[] bytes, List<List<Object>> keys, boolean onDisk) {

    static final PendingWrite DELETE = new PendingWrite(null, List.of(), false);
    static final PendingWrite DELETED_ON_DISK = new PendingWrite(null, List.of(), true);

    PendingWrite(byte[] bytes, List<List<Object>> keys) {
        this(bytes, keys, false);
    }

    boolean isDelete() {
        return bytes == null;
    }
}
