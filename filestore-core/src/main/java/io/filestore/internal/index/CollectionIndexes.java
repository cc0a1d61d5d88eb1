package io.filestore.internal.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * The indexes of one collection, in a fixed order, and the keys a record has in each. A record's keys
 * are a {@code List<List<Object>>} aligned with {@link #all()}; an empty inner list means the record
 * is not in that index.
 *
 * <p>Thread-safety: as {@link FieldIndex}: one writer, many readers.
 */
public final class CollectionIndexes {

    private final List<FieldIndex> indexes;
    private final Map<String, FieldIndex> byField = new LinkedHashMap<>();

    /** Indexes for the given fields; {@code unique} fields must be among them. */
    public CollectionIndexes(List<String> fields, Set<String> unique) {
        List<FieldIndex> list = new ArrayList<>();
        for (String field : fields) {
            FieldPath path = FieldPath.parse(field);
            if (path == null) {
                throw new IllegalArgumentException("Not a field path: " + field);
            }
            FieldIndex index = new FieldIndex(path, unique.contains(field));
            list.add(index);
            byField.put(field, index);
        }
        this.indexes = List.copyOf(list);
    }

    /** Every index, in configuration order. */
    public List<FieldIndex> all() {
        return indexes;
    }

    /** Whether there are no indexes at all. */
    public boolean isEmpty() {
        return indexes.isEmpty();
    }

    /** The index of a field, or {@code null} when the field is not indexed. */
    public @Nullable FieldIndex get(String field) {
        return byField.get(field);
    }

    /** The position of a field's index in {@link #all()} and in key lists, or -1. */
    public int position(String field) {
        FieldIndex index = byField.get(field);
        return index == null ? -1 : indexes.indexOf(index);
    }

    /**
     * The top-level fields the indexes read: a tree holding only these fields of a record gives the
     * same {@link #keysOf keys} as the whole record. Empty when there are no indexes.
     */
    public Set<String> topLevelFields() {
        Set<String> fields = new HashSet<>();
        for (FieldIndex index : indexes) {
            fields.add(index.path().head());
        }
        return Set.copyOf(fields);
    }

    /** The keys of a record in every index. */
    public List<List<Object>> keysOf(JsonNode record) {
        if (indexes.isEmpty()) {
            return List.of();
        }
        List<List<Object>> keys = new ArrayList<>(indexes.size());
        for (FieldIndex index : indexes) {
            keys.add(index.path().keysOf(record));
        }
        return keys;
    }

    /** Adds a record's keys. Writer only. */
    public void add(String id, List<List<Object>> keys) {
        for (int i = 0; i < keys.size(); i++) {
            FieldIndex index = indexes.get(i);
            for (Object key : keys.get(i)) {
                index.add(key, id);
            }
            index.countRecord(0, keys.get(i).size());
        }
    }

    /** Sizes the empty indexes for a load of about {@code records} records (see {@link FieldIndex#presizeForLoad}). */
    public void presizeForLoad(int records) {
        indexes.forEach(index -> index.presizeForLoad(records));
    }

    /**
     * Adds a loaded record's keys to the indexes' hash maps, straight from its tree: no key lists are
     * kept per record. Safe from many loader threads at once, each record given once;
     * {@link #finishLoad} completes the indexes.
     */
    public void loadAdd(String id, JsonNode record) {
        for (FieldIndex index : indexes) {
            LoadedKeys keys = new LoadedKeys(index, id);
            index.path().forEachKey(record, keys);
            if (keys.distinct == 1) {
                index.countLoadedOneKeyRecord();
            }
        }
    }

    /** Adds a loaded record's keys to one index and counts them as {@link FieldPath#keysOf} would: distinct. */
    private static final class LoadedKeys implements Consumer<Object> {
        private final FieldIndex index;
        private final String id;
        private @Nullable Object first;
        private int distinct;

        LoadedKeys(FieldIndex index, String id) {
            this.index = index;
            this.id = id;
        }

        @Override
        public void accept(Object key) {
            index.loadAdd(key, id);
            if (distinct == 0) {
                first = key;
                distinct = 1;
            } else if (distinct == 1 && !key.equals(first)) {
                distinct = 2; // two or more: the count only asks whether there is exactly one
            }
        }
    }

    /**
     * Builds the sorted maps of the loaded indexes (see {@link FieldIndex#finishLoad}), one task per
     * index on {@code executor} so that they are built side by side; returns when all are built.
     * Writer only, before the indexes have readers.
     *
     * @param executor runs the per-index tasks and halves of their sorts; must not be a pool whose
     *                 threads wait on this call
     */
    public void finishLoad(Executor executor) {
        List<CompletableFuture<Void>> builds = new ArrayList<>(indexes.size());
        for (FieldIndex index : indexes) {
            builds.add(CompletableFuture.runAsync(() -> index.finishLoad(executor), executor));
        }
        try {
            CompletableFuture.allOf(builds.toArray(new CompletableFuture<?>[0])).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Removes a record's keys. Writer only. */
    public void remove(String id, List<List<Object>> keys) {
        for (int i = 0; i < keys.size(); i++) {
            FieldIndex index = indexes.get(i);
            for (Object key : keys.get(i)) {
                index.remove(key, id);
            }
            index.countRecord(keys.get(i).size(), 0);
        }
    }

    /**
     * Moves a record from its old keys to its new ones and returns the fields whose keys changed.
     * Either side may be empty (an insert or a delete). Writer only.
     */
    public List<String> replace(String id, List<List<Object>> oldKeys, List<List<Object>> newKeys) {
        List<String> changed = new ArrayList<>(0);
        for (int i = 0; i < indexes.size(); i++) {
            List<Object> before = oldKeys.isEmpty() ? List.of() : oldKeys.get(i);
            List<Object> after = newKeys.isEmpty() ? List.of() : newKeys.get(i);
            if (before.equals(after)) {
                continue;
            }
            FieldIndex index = indexes.get(i);
            before.forEach(key -> index.remove(key, id));
            after.forEach(key -> index.add(key, id));
            index.countRecord(before.size(), after.size());
            changed.add(index.field());
        }
        return changed;
    }

    /** Drops every entry of every index. Writer only. */
    public void clear() {
        indexes.forEach(FieldIndex::clear);
    }
}
