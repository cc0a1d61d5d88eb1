package io.filestore.internal.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.filestore.CollectionListener;
import io.filestore.CollectionOptions;
import io.filestore.DocumentCollection;
import io.filestore.IndexEntry;
import io.filestore.InvalidIdException;
import io.filestore.ReadOnlyTransactionException;
import io.filestore.RecordListener;
import io.filestore.Subscription;
import io.filestore.internal.index.FieldIndex;
import io.filestore.internal.index.IndexKeys;
import io.filestore.internal.json.Json;
import io.filestore.internal.json.MergePatch;
import io.filestore.internal.json.TopLevelFields;
import io.filestore.spi.RecordFileNames;
import tools.jackson.databind.node.ObjectNode;

/**
 * A collection as users see it: reads from the committed state overlaid with this thread's open
 * transaction, writes buffered in that transaction or committed on their own. Under a read-only
 * transaction, each read runs in one {@link Committer#view} and writes are refused.
 */
final class StoreCollection implements DocumentCollection {

    private final CollectionState state;
    private final Store store;
    private final Committer committer;
    private final Json json;

    StoreCollection(CollectionState state, Store store, Committer committer, Json json) {
        this.state = state;
        this.store = store;
        this.committer = committer;
        this.json = json;
    }

    @Override
    public String name() {
        return state.name();
    }

    @Override
    public CollectionOptions options() {
        return state.options();
    }

    @Override
    public Optional<ObjectNode> get(String id) {
        byte[] bytes = bytes(id);
        return bytes == null ? Optional.empty() : Optional.of(json.parseObject(bytes));
    }

    @Override
    public <T> Optional<T> get(String id, Class<T> type) {
        byte[] bytes = bytes(id);
        return bytes == null ? Optional.empty() : Optional.of(json.read(bytes, type));
    }

    @Override
    public Optional<String> getJson(String id) {
        byte[] bytes = bytes(id);
        return bytes == null ? Optional.empty() : Optional.of(new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public boolean exists(String id) {
        return bytes(id) != null;
    }

    @Override
    public int count() {
        TransactionBuffer tx = committer.current();
        if (tx == null) {
            return state.records().size();
        }
        return committer.view(() -> tx.writes(state).isEmpty() ? state.records().size() : ids().size());
    }

    @Override
    public Set<String> ids() {
        return committer.view(() -> {
            Set<String> ids = committer.read(() -> new HashSet<>(state.records().keySet()));
            overlay(ids);
            return ids;
        });
    }

    @Override
    public void forEach(BiConsumer<String, ObjectNode> action) {
        forEach(action, json::parseObject);
    }

    @Override
    public void forEach(Set<String> fields, BiConsumer<String, ObjectNode> action) {
        Set<String> names = Set.copyOf(fields);
        forEach(action, bytes -> TopLevelFields.parse(json, bytes, names));
    }

    private void forEach(BiConsumer<String, ObjectNode> action, Function<byte[], ObjectNode> parse) {
        // the records and this thread's overlay as of one instant; the action runs with no lock held
        Map<String, PendingWrite> writes = new LinkedHashMap<>();
        List<Map.Entry<String, byte[]>> entries = committer.view(() -> {
            writes.putAll(pendingWrites());
            return committer.read(() -> new ArrayList<>(state.records().entrySet()));
        });
        for (Map.Entry<String, byte[]> entry : entries) {
            if (!writes.containsKey(entry.getKey())) {
                action.accept(entry.getKey(), parse.apply(entry.getValue()));
            }
        }
        writes.forEach((id, write) -> {
            if (!write.isDelete()) {
                action.accept(id, parse.apply(write.bytes()));
            }
        });
    }

    @Override
    public void put(String id, Object record) {
        RecordFileNames.validate(id);
        refuseInReadOnly(id);
        ObjectNode node = json.toObjectNode(record);
        write(id, new PendingWrite(json.toStorableBytes(node, name(), id), state.indexes().keysOf(node)));
    }

    @Override
    public String add(Object record) {
        String id = UUID.randomUUID().toString();
        put(id, record);
        return id;
    }

    @Override
    public boolean update(String id, Object patch) {
        RecordFileNames.validate(id);
        refuseInReadOnly(id);
        ObjectNode patchNode = json.toObjectNode(patch);
        return store.callInTransaction(tx -> {
            byte[] current = bytes(id);
            if (current == null) {
                return false;
            }
            ObjectNode merged = MergePatch.apply(json.parseObject(current), patchNode);
            write(id, new PendingWrite(json.toStorableBytes(merged, name(), id), state.indexes().keysOf(merged)));
            return true;
        });
    }

    @Override
    public boolean delete(String id) {
        RecordFileNames.validate(id);
        refuseInReadOnly(id);
        return store.callInTransaction(tx -> {
            if (bytes(id) == null) {
                return false;
            }
            write(id, PendingWrite.DELETE);
            return true;
        });
    }

    @Override
    public boolean isIndexed(String field) {
        return state.indexes().get(field) != null;
    }

    @Override
    public List<String> findIds(String field, Object value) {
        FieldIndex index = index(field);
        Object key = IndexKeys.ofJava(value, json::toTree);
        if (key == null) {
            return List.of();
        }
        return committer.view(() -> committer.read(() -> idsEqual(index, field, key)));
    }

    @Override
    public List<ObjectNode> find(String field, Object value) {
        FieldIndex index = index(field);
        Object key = IndexKeys.ofJava(value, json::toTree);
        if (key == null) {
            return List.of();
        }
        // ids and records in one consistent read: a commit in between could change what matches
        List<byte[]> records = committer.view(() -> committer.read(() -> {
            List<byte[]> found = new ArrayList<>();
            for (String id : idsEqual(index, field, key)) {
                byte[] bytes = bytes(id);
                if (bytes != null) {
                    found.add(bytes);
                }
            }
            return found;
        }));
        return records.stream().map(json::parseObject).toList();
    }

    @Override
    public List<String> findIdsInRange(String field, @Nullable Object from, boolean fromInclusive, @Nullable Object to, boolean toInclusive) {
        FieldIndex index = index(field);
        Object low = from == null ? null : IndexKeys.ofJava(from, json::toTree);
        Object high = to == null ? null : IndexKeys.ofJava(to, json::toTree);
        return committer.view(() -> {
            if (pendingWrites().isEmpty()) {
                return committer.read(() -> index.idsInRange(low, fromInclusive, high, toInclusive));
            }
            return RangeOverlay.entries(committer, index, state.indexes().position(field), pendingWrites(), low,
                    fromInclusive, high, toInclusive, false).stream()
                    .map(IndexEntry::rowId).toList();
        });
    }

    @Override
    public List<IndexEntry> findEntriesInRange(String field, @Nullable Object from, boolean fromInclusive, @Nullable Object to,
                                               boolean toInclusive, boolean descending, int offset, int limit) {
        return readRange(field, from, fromInclusive, to, toInclusive, descending, offset, limit, entries -> entries);
    }

    @Override
    public List<Map.Entry<IndexEntry, String>> findJsonInRange(String field, @Nullable Object from, boolean fromInclusive,
                                                               @Nullable Object to, boolean toInclusive, boolean descending,
                                                               int offset, int limit) {
        return readRange(field, from, fromInclusive, to, toInclusive, descending, offset, limit, entries -> {
            List<Map.Entry<IndexEntry, String>> out = new ArrayList<>(entries.size());
            for (IndexEntry entry : entries) {
                byte[] bytes = bytes(entry.rowId());
                if (bytes == null) { // only in an optimistic read that a commit overlapped: read again under the lock
                    throw new IllegalStateException("The record of " + entry + " is gone");
                }
                out.add(Map.entry(entry, new String(bytes, StandardCharsets.UTF_8)));
            }
            return out;
        });
    }

    /** A page of an index range as this thread sees it, and what {@code then} makes of it (see {@link RangeOverlay#page}). */
    private <T> T readRange(String field, @Nullable Object from, boolean fromInclusive, @Nullable Object to,
                            boolean toInclusive, boolean descending, int offset, int limit, Function<List<IndexEntry>, T> then) {
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("offset and limit must be 0 or more, not " + offset + " and " + limit);
        }
        FieldIndex index = index(field);
        Object low = from == null ? null : IndexKeys.ofJava(from, json::toTree);
        Object high = to == null ? null : IndexKeys.ofJava(to, json::toTree);
        return committer.view(() -> RangeOverlay.page(committer, index, state.indexes().position(field), pendingWrites(),
                low, fromInclusive, high, toInclusive, descending, offset, limit, then));
    }

    @Override
    public boolean hasOneKeyPerRecord(String field) {
        FieldIndex index = index(field);
        int position = state.indexes().position(field);
        return committer.view(() -> {
            // committed records all with one key, and none of this thread's writes gives a record another number
            for (PendingWrite write : pendingWrites().values()) {
                if (!write.isDelete() && write.keys().get(position).size() != 1) {
                    return false;
                }
            }
            return committer.read(() -> index.oneKeyRecords() == state.records().size());
        });
    }

    @Override
    public Subscription onChange(CollectionListener listener) {
        return store.listeners().onCollection(name(), listener);
    }

    @Override
    public Subscription onRecord(String id, RecordListener listener) {
        return store.listeners().onRecord(name(), id, listener);
    }

    CollectionState state() {
        return state;
    }

    /**
     * Applies an outside edit of a record's file: the record read from it, or {@code null} for the file's
     * deletion (either needs no flush), unless the record changed in memory since it was seen; returns
     * whether it was applied.
     */
    boolean applyFromDisk(String id, @Nullable ObjectNode record, byte[] seen) {
        return store.callInTransaction(tx -> {
            if (!unchangedSince(id, seen)) {
                return false;
            }
            write(id, record == null ? PendingWrite.DELETED_ON_DISK
                    : new PendingWrite(json.toBytes(record), state.indexes().keysOf(record), true));
            return true;
        });
    }

    /**
     * Whether the record is still what the watcher compared the file with, and no flush has it in hand.
     * Checked inside a transaction, so no commit can come between the check and the write.
     */
    private boolean unchangedSince(String id, byte[] seen) {
        return !state.dirtyIds().contains(id) && !state.flushingIds().contains(id)
                && Arrays.equals(state.committed(id), seen);
    }

    private byte[] bytes(String id) {
        if (id == null) {
            throw new InvalidIdException(null, "ids must not be null or empty");
        }
        TransactionBuffer tx = committer.current();
        if (tx == null) {
            return state.committed(id);
        }
        if (tx.isReadOnly() && !tx.inView()) {
            return committer.view(() -> bytes(id));
        }
        PendingWrite pending = tx.pending(state, id);
        return pending != null ? pending.bytes() : state.committed(id);
    }

    /** Throws when this thread's transaction is read-only: before anything is joined or written. */
    private void refuseInReadOnly(String id) {
        TransactionBuffer tx = committer.current();
        if (tx != null && tx.isReadOnly()) {
            throw ReadOnlyTransactionException.record(name(), id);
        }
    }

    private void write(String id, PendingWrite write) {
        TransactionBuffer tx = committer.current();
        if (tx != null) {
            tx.write(state, id, write);
            return;
        }
        committer.commitAlone(state, id, write, store::checkWritable,
                () -> store.runInTransaction(single -> committer.current().write(state, id, write)));
    }

    /** The ids with the key, this thread's transaction included. Call inside one {@link Committer#read}. */
    private List<String> idsEqual(FieldIndex index, String field, Object key) {
        List<String> ids = index.idsEqual(key);
        Map<String, PendingWrite> writes = pendingWrites();
        if (!writes.isEmpty()) {
            int position = state.indexes().position(field);
            ids.removeIf(writes::containsKey);
            writes.forEach((id, write) -> {
                if (!write.isDelete() && write.keys().get(position).contains(key)) {
                    ids.add(id);
                }
            });
        }
        return ids;
    }

    private Map<String, PendingWrite> pendingWrites() {
        TransactionBuffer tx = committer.current();
        return tx == null ? Map.of() : tx.writes(state);
    }

    private void overlay(Set<String> ids) {
        pendingWrites().forEach((id, write) -> {
            if (write.isDelete()) {
                ids.remove(id);
            } else {
                ids.add(id);
            }
        });
    }

    private FieldIndex index(String field) {
        FieldIndex index = state.indexes().get(field);
        if (index == null) {
            throw new IllegalArgumentException("Field '" + field + "' of collection '" + name()
                    + "' is not indexed (lookups never scan); indexed fields: " + state.options().indexed());
        }
        return index;
    }
}
