package io.filestore.internal.index;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.filestore.IndexEntry;

/**
 * The index of one field: a hash map for equality (O(1)) and a skip list for ranges and order
 * (O(log n)), sharing one {@link Postings} per key, the ids of the records with that key.
 *
 * <p>A key of one record keeps a {@link SingleId}, which keeps unique and near-unique fields compact
 * (both maps store it as the bare id, 16 bytes less per key than the record: see {@link #posting});
 * a key that several loaded records share keeps {@link SortedIds} until its first write, and a written
 * key of several records an {@link IdSet}. Building every id into sets at open, then copying and
 * sorting them again to check the index file, was a large share of the index work of an open
 * (filestore-benchmarks/README.md, "Figures behind design choices").
 *
 * <p>Thread-safety: one writer at a time (the store's apply step) with any number of concurrent
 * readers. Readers see a weakly consistent view; the store validates multi-step reads against its
 * commit stamp.
 */
public final class FieldIndex {

    private final FieldPath path;
    private final boolean unique;
    // both replaced once by a bulk load, before the index has readers
    // values are postings in their stored form (see "The stored form" below)
    private Map<Object, Object> byHash = new ConcurrentHashMap<>();
    private NavigableMap<Object, Object> bySort = new ConcurrentSkipListMap<>(IndexKeys.ORDER);
    // set by loader threads once a key gets a second record; read after they are joined
    private volatile boolean loadedSharedKeys;
    // records with exactly one key here: when they are all the collection's, the index in order is the
    // collection in order (changed by the writer only; loader threads count into the adder)
    private volatile int oneKeyRecords;
    private final LongAdder loadedOneKeyRecords = new LongAdder();

    public FieldIndex(FieldPath path, boolean unique) {
        this.path = path;
        this.unique = unique;
    }

    /** The indexed path. */
    public FieldPath path() {
        return path;
    }

    /** The field as configured, such as {@code address.city}. */
    public String field() {
        return path.path();
    }

    /** Whether the index rejects a second record with the same key. */
    public boolean isUnique() {
        return unique;
    }

    /** How many distinct keys the index holds now; weakly consistent while a writer changes it. */
    public int keyCount() {
        return byHash.size();
    }

    /** Adds the pair; a no-op when present. Writer only. */
    public void add(Object key, String id) {
        Postings posting = posting(byHash.get(key));
        Postings updated = posting == null ? new SingleId(id) : posting.with(id);
        if (updated != posting) {
            Object stored = stored(updated);
            byHash.put(key, stored);
            bySort.put(key, stored);
        }
    }

    /**
     * How many records have exactly one key in this index. When that is every record of the collection,
     * reading the index in order reads each record once, in the order of a sort by this field.
     */
    public int oneKeyRecords() {
        return oneKeyRecords;
    }

    /** Counts a record whose distinct keys here went from {@code before} to {@code after} in number. Writer only. */
    void countRecord(int before, int after) {
        int change = (after == 1 ? 1 : 0) - (before == 1 ? 1 : 0);
        if (change != 0) {
            oneKeyRecords += change; // one writer: no lost update
        }
    }

    /** Counts a loaded record with exactly one key; safe from many loader threads. */
    void countLoadedOneKeyRecord() {
        loadedOneKeyRecords.increment();
    }

    /** Removes the pair; a no-op when absent. Writer only. */
    public void remove(Object key, String id) {
        Postings posting = posting(byHash.get(key));
        if (posting == null) {
            return;
        }
        Postings updated = posting.without(id);
        if (updated == null) {
            byHash.remove(key);
            bySort.remove(key);
        } else if (updated != posting) {
            Object stored = stored(updated);
            byHash.put(key, stored);
            bySort.put(key, stored);
        }
    }

    /**
     * Sizes the empty index's hash map for a load of about {@code records} records, before loader
     * threads call {@link #loadAdd}. Only a unique index is sized: its keys are about as many as the
     * records, while another index's may be few, and a hash map never shrinks.
     */
    public void presizeForLoad(int records) {
        if (unique && byHash.isEmpty()) {
            byHash = new ConcurrentHashMap<>(Math.max(16, (int) (records / 0.75f) + 1));
        }
    }

    /**
     * Adds a pair to the hash map only, while a collection is loaded; safe from many loader threads at
     * once. A key shared by several records collects its ids in {@link LoadingIds}, and
     * {@link #finishLoad} then builds the final postings and the sorted map in one pass. No readers yet.
     */
    public void loadAdd(Object key, String id) {
        byHash.merge(key, id, (stored, added) -> withLoadedId(stored, id)); // one hash lookup for a new key, the usual case
    }

    private Object withLoadedId(Object stored, String id) {
        if (stored instanceof LoadingIds loading) {
            loading.add(id);
            return loading;
        }
        loadedSharedKeys = true;
        return new LoadingIds((String) stored, id);
    }

    /**
     * Builds the sorted map of a loaded index from its postings sorted by key, in one pass, instead of
     * one skip-list descent per key (which was 40% of opening an indexed collection). The postings are
     * sorted as (key, posting) pairs, so building the sorted map needs no hash lookup per key. Writer
     * only, after every {@link #loadAdd} and before the index has readers.
     *
     * @param executor sorts half of a large index's keys (see {@link SplitSort}); the call returns
     *                 when they are sorted
     * @throws IllegalStateException when the sorted map is not empty
     */
    public void finishLoad(Executor executor) {
        if (!bySort.isEmpty()) {
            throw new IllegalStateException("The sorted map of index " + field() + " is built already");
        }
        oneKeyRecords += (int) loadedOneKeyRecords.sumThenReset();
        if (loadedSharedKeys) { // a unique index usually has no shared key to finish: no walk over all its keys
            byHash.forEach((key, posting) -> {
                if (posting instanceof LoadingIds loading) {
                    byHash.put(key, stored(loading.finish())); // a value replaced in place: the walk is unaffected
                }
            });
        }
        @SuppressWarnings("unchecked")
        Map.Entry<Object, Object>[] postings = SplitSort.sort(byHash.entrySet().toArray(new Map.Entry[0]),
                (a, b) -> IndexKeys.compare(a.getKey(), b.getKey()), executor);
        for (int i = 1; i < postings.length; i++) {
            if (IndexKeys.compare(postings[i - 1].getKey(), postings[i].getKey()) == 0) {
                // distinct keys the order calls equal cannot share one sorted entry: fall back to puts
                byHash.forEach(bySort::put);
                return;
            }
        }
        bySort = new ConcurrentSkipListMap<>(new SortedPostings(postings));
    }

    /**
     * Calls {@code visitor} for every key more than one record has (for a unique index: the duplicates
     * that files edited outside FileStore can hold), with its ids in string order. O(n), no lookups.
     */
    public void forEachSharedKey(BiConsumer<Object, List<String>> visitor) {
        byHash.forEach((key, posting) -> {
            if (!(posting instanceof String)) {
                visitor.accept(key, ((Postings) posting).sorted());
            }
        });
    }

    /** The ids with this key, in no particular order; empty when none. O(1). */
    public List<String> idsEqual(Object key) {
        List<String> out = new ArrayList<>(1);
        forEachId(byHash.get(key), out::add);
        return out;
    }

    /** Whether any record has this key. O(1). */
    public boolean containsKey(Object key) {
        return byHash.containsKey(key);
    }

    /**
     * The ids whose key lies in the range, ascending by key. A {@code null} bound is open. O(log n + k).
     */
    public List<String> idsInRange(@Nullable Object from, boolean fromInclusive, @Nullable Object to, boolean toInclusive) {
        List<String> out = new ArrayList<>();
        forEachInRange(from, fromInclusive, to, toInclusive, false, (key, id) -> out.add(id));
        return out;
    }

    /**
     * The first (key, id) entries of the range in key order, ascending or descending, and within a key
     * in id order (ascending either way, the order of ties in a query); at most {@code limit}. So the
     * first {@code n} entries are the same whatever the limit, as long as it is at least {@code n}.
     * O(log n + limit) plus, for the key the limit cuts, one pass over its ids.
     */
    public List<IndexEntry> entriesInRange(@Nullable Object from, boolean fromInclusive, @Nullable Object to,
                                           boolean toInclusive, boolean descending, int limit) {
        return entriesInRange(from, fromInclusive, to, toInclusive, descending, 0, limit);
    }

    /**
     * As {@link #entriesInRange(Object, boolean, Object, boolean, boolean, int)}, after the first
     * {@code offset} entries, which are counted, not made: a key's ids are skipped whole when the offset
     * passes them all (a deep page of a unique index skips one id per key without an entry for it).
     * O(log n + keys up to the offset + limit).
     */
    public List<IndexEntry> entriesInRange(@Nullable Object from, boolean fromInclusive, @Nullable Object to,
                                           boolean toInclusive, boolean descending, int offset, int limit) {
        List<IndexEntry> out = new ArrayList<>(Math.min(limit, 1024));
        int skip = offset;
        for (Map.Entry<Object, Object> entry : range(from, fromInclusive, to, toInclusive, descending).entrySet()) {
            int room = limit - out.size();
            if (room <= 0) {
                break;
            }
            Object stored = entry.getValue();
            int size = stored instanceof String ? 1 : ((Postings) stored).size();
            if (skip >= size) {
                skip -= size;
                continue;
            }
            Object key = entry.getKey();
            List<String> ids = smallestIds(stored, skip + room);
            for (int i = skip; i < ids.size(); i++) {
                out.add(new IndexEntry(key, ids.get(i)));
            }
            skip = 0;
        }
        return out;
    }

    /** Visits (key, id) pairs of the range in key order, ascending or descending. */
    public void forEachInRange(@Nullable Object from, boolean fromInclusive, @Nullable Object to, boolean toInclusive,
                               boolean descending, BiConsumer<Object, String> visitor) {
        for (Map.Entry<Object, Object> entry : range(from, fromInclusive, to, toInclusive, descending).entrySet()) {
            Object key = entry.getKey();
            forEachId(entry.getValue(), id -> visitor.accept(key, id));
        }
    }

    private NavigableMap<Object, Object> range(@Nullable Object from, boolean fromInclusive, @Nullable Object to,
                                                 boolean toInclusive, boolean descending) {
        NavigableMap<Object, Object> range = bySort;
        if (from != null && to != null) {
            if (IndexKeys.compare(from, to) > 0) {
                return Collections.emptyNavigableMap();
            }
            range = bySort.subMap(from, fromInclusive, to, toInclusive);
        } else if (from != null) {
            range = bySort.tailMap(from, fromInclusive);
        } else if (to != null) {
            range = bySort.headMap(to, toInclusive);
        }
        return descending ? range.descendingMap() : range;
    }

    /**
     * Every (key, id) pair in key order, and ids in string order within a key, so that the same
     * index always encodes to the same bytes; a copy.
     */
    public List<IndexEntry> entries() {
        List<IndexEntry> out = new ArrayList<>(byHash.size());
        for (Map.Entry<Object, Object> entry : bySort.entrySet()) {
            Object key = entry.getKey();
            Object stored = entry.getValue();
            if (stored instanceof String single) {
                out.add(new IndexEntry(key, single));
            } else {
                for (String id : ((Postings) stored).sorted()) {
                    out.add(new IndexEntry(key, id));
                }
            }
        }
        return out;
    }

    /*
     * The stored form. Both maps store a SingleId as its bare id, which saves an object per key of a
     * unique index (16 bytes per record); every other case is stored as itself. The writer works on
     * Postings (posting, stored); reads of a single id skip the view (forEachId, smallestIds and
     * entries), as a unique index's lookups and pages are the hot reads and the JIT did not elide the
     * view there (32 more bytes per lookup, JMH -prof gc).
     */

    /** The postings a map value stands for, or {@code null} for none. */
    private static @Nullable Postings posting(@Nullable Object stored) {
        return stored == null ? null : stored instanceof String id ? new SingleId(id) : (Postings) stored;
    }

    /** The map value that stands for the postings: the inverse of {@link #posting}. */
    private static Object stored(Postings posting) {
        return posting instanceof SingleId single ? single.id() : posting;
    }

    /** As {@link Postings#forEach} of a map value; nothing for none. */
    private static void forEachId(@Nullable Object stored, Consumer<String> sink) {
        if (stored instanceof String single) {
            sink.accept(single);
        } else if (stored != null) {
            ((Postings) stored).forEach(sink);
        }
    }

    /** As {@link Postings#smallest} of a map value. */
    private static List<String> smallestIds(Object stored, int count) {
        return stored instanceof String single ? List.of(single) : ((Postings) stored).smallest(count);
    }

    /** Drops every entry. Writer only. */
    public void clear() {
        byHash.clear();
        bySort.clear();
        oneKeyRecords = 0;
    }
}
