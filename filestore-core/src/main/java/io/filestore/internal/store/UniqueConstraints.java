package io.filestore.internal.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.filestore.UniqueConstraintException;
import io.filestore.internal.index.FieldIndex;

/** The unique indexes' check at commit, under the writer mutex. */
final class UniqueConstraints {

    private UniqueConstraints() {
    }

    /**
     * Checks every unique index against the state the transaction would leave, so that swapping two
     * values inside one transaction is allowed while a duplicate never commits.
     */
    static void check(TransactionBuffer buffer) {
        buffer.records().forEach((collection, writes) -> {
            List<FieldIndex> indexes = collection.indexes().all();
            for (int i = 0; i < indexes.size(); i++) {
                FieldIndex index = indexes.get(i);
                if (!index.isUnique()) {
                    continue;
                }
                Map<Object, String> claims = new HashMap<>();
                for (Map.Entry<String, PendingWrite> write : writes.entrySet()) {
                    for (Object key : write.getValue().keys().isEmpty() ? List.of() : write.getValue().keys().get(i)) {
                        String other = claims.putIfAbsent(key, write.getKey());
                        if (other != null && !other.equals(write.getKey())) {
                            throw new UniqueConstraintException(collection.name(), index.field(), key, other, write.getKey());
                        }
                    }
                }
                for (Map.Entry<Object, String> claim : claims.entrySet()) {
                    for (String owner : index.idsEqual(claim.getKey())) {
                        if (!owner.equals(claim.getValue()) && !writes.containsKey(owner)) {
                            throw new UniqueConstraintException(collection.name(), index.field(), claim.getKey(), owner, claim.getValue());
                        }
                    }
                }
            }
        });
    }
}
