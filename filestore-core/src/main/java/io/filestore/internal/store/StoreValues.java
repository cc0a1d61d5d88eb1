package io.filestore.internal.store;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.filestore.ReadOnlyTransactionException;
import io.filestore.Transaction;
import io.filestore.internal.json.Json;
import io.filestore.spi.RecordFileNames;
import tools.jackson.databind.JsonNode;

/**
 * The store's global values as users see them: reads overlaid with this thread's open transaction,
 * writes buffered in it or committed on their own. Keys follow the record-id rules.
 */
final class StoreValues {

    private final ValueState values;
    private final Committer committer;
    private final Json json;
    private final Function<Function<Transaction, Boolean>, Boolean> inTransaction;

    StoreValues(ValueState values, Committer committer, Json json, Function<Function<Transaction, Boolean>, Boolean> inTransaction) {
        this.values = values;
        this.committer = committer;
        this.json = json;
        this.inTransaction = inTransaction;
    }

    Optional<JsonNode> get(String key) {
        byte[] bytes = bytes(key);
        return bytes == null ? Optional.empty() : Optional.of(json.parse(bytes));
    }

    <T> Optional<T> get(String key, Class<T> type) {
        byte[] bytes = bytes(key);
        return bytes == null ? Optional.empty() : Optional.of(json.read(bytes, type));
    }

    void set(String key, Object value) {
        RecordFileNames.validate(key);
        refuseInReadOnly(key);
        byte[] bytes = json.toStorableBytes(json.toTree(value), null, key);
        write(tx -> tx.writeValue(key, bytes));
    }

    boolean delete(String key) {
        RecordFileNames.validate(key);
        refuseInReadOnly(key);
        return inTransaction.apply(tx -> {
            if (bytes(key) == null) {
                return false;
            }
            committer.current().writeValue(key, null);
            return true;
        });
    }

    Set<String> keys() {
        return committer.view(() -> {
            Set<String> keys = committer.read(() -> new HashSet<>(values.all().keySet()));
            TransactionBuffer tx = committer.current();
            if (tx != null) {
                tx.values().forEach((key, bytes) -> {
                    if (bytes == null) {
                        keys.remove(key);
                    } else {
                        keys.add(key);
                    }
                });
            }
            return keys;
        });
    }

    private void write(Consumer<TransactionBuffer> change) {
        inTransaction.apply(tx -> {
            change.accept(committer.current());
            return true;
        });
    }

    private byte @Nullable [] bytes(String key) {
        TransactionBuffer tx = committer.current();
        if (tx == null) {
            return values.get(key);
        }
        if (tx.isReadOnly() && !tx.inView()) {
            return committer.view(() -> bytes(key));
        }
        return tx.hasValue(key) ? tx.value(key) : values.get(key);
    }

    /** Throws when this thread's transaction is read-only: before anything is joined or written. */
    private void refuseInReadOnly(String key) {
        TransactionBuffer tx = committer.current();
        if (tx != null && tx.isReadOnly()) {
            throw ReadOnlyTransactionException.value(key);
        }
    }
}
