package io.filestore.internal.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import io.filestore.IndexEntry;

/**
 * The index of one field: a hash map for equality (O(1)) and a skip list for ranges and order
 * (O(log n)), sharing one posting per key.
 *
 * <p>A posting is a single id (a {@link String}) while a key has one record, which keeps unique and
 * near-unique fields compact, and a concurrent set once it has more. A key that several loaded records
 * share keeps its ids as a sorted array ({@link LoadedIds}) until its first write, which turns it into
 * a set: building every id into sets at open, then copying and sorting them again to check the index
 * file, was a large share of the index work of an open (filestore-benchmarks/README.md, "Figures
 * behind design choices").
 *
 * <p>Thread-safety: one writer at a time (the store's apply step) with any number of concurrent
 * readers. Readers see a weakly consistent view; the store validates multi-step reads against its
 * commit stamp.
 */
public final class FieldIndex {

    private final FieldPath path;
    private final boolean unique;
    // both replaced once by a bulk load, before the index has readers
    private Map<Object, Object> byHash = new ConcurrentHashMap<>();
    private NavigableMap<Object, Object> bySort = new ConcurrentSkipListMap<>(IndexKeys.ORDER);
    // set by loader threads once a key gets a second record; read after they are joined
    private volatile boolean loadedSharedKeys;

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

    /** Adds the pair; a no-op when present. Writer only. */
    public void add(Object key, String id) {
        Object posting = byHash.get(key);
        Object updated = withId(posting, id);
        if (updated != posting) {
            byHash.put(key, updated);
            bySort.put(key, updated);
        }
    }

    /**
     * The posting with {@code id} added: the id alone for no posting, a new set once a second id
     * comes, else the same posting (a set gains the id in place).
     */
    private static Object withId(Object posting, String id) {
        if (posting == null) {
            return id;
        }
        if (posting instanceof String single) {
            if (single.equals(id)) {
                return single;
            }
            Set<String> ids = ConcurrentHashMap.newKeySet();
            ids.add(single);
            ids.add(id);
            return ids;
        }
        if (posting instanceof LoadedIds loaded) {
            // readers may be walking the array: the set replaces it, the array itself never changes
            if (loaded.contains(id)) {
                return loaded;
            }
            Set<String> ids = loaded.toSet();
            ids.add(id);
            return ids;
        }
        ids(posting).add(id);
        return posting;
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
     * once. {@link #finishLoad} then builds the sorted map in one pass. No readers yet.
     *
     * <p>A key shared by several records collects its ids in a plain list, which only this merge's
     * remapping touches, and the map runs that under the lock of the key's bin. Growing a concurrent
     * set id by id instead resized each shared key's set several times over, which showed in an open's
     * CPU profile. {@link #finishLoad} turns the lists into sets of the right size.
     */
    public void loadAdd(Object key, String id) {
        byHash.merge(key, id, (posting, unused) -> withLoadedId(posting, id)); // one hash lookup for a new key, the usual case
    }

    private Object withLoadedId(Object posting, String id) {
        if (posting instanceof String single) {
            loadedSharedKeys = true;
            List<String> ids = new ArrayList<>();
            ids.add(single);
            ids.add(id);
            return ids;
        }
        loadedIds(posting).add(id);
        return posting;
    }

    @SuppressWarnings("unchecked")
    private static List<String> loadedIds(Object posting) {
        return (List<String>) posting;
    }

    /** The final posting of a loaded id list: its ids sorted, or the one id when the list repeats a single id. */
    private static Object postingOf(List<String> loaded) {
        LoadedIds ids = LoadedIds.of(loaded);
        return ids.size() == 1 ? ids.get(0) : ids;
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
        if (loadedSharedKeys) { // a unique index usually has no list to finish: no walk over all its keys
            byHash.forEach((key, posting) -> {
                if (posting instanceof List<?>) {
                    byHash.put(key, postingOf(loadedIds(posting))); // a value replaced in place: the walk is unaffected
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
                visitor.accept(key, sortedIds(posting));
            }
        });
    }

    /** Removes the pair; a no-op when absent. Writer only. */
    public void remove(Object key, String id) {
        Object posting = byHash.get(key);
        if (posting == null) {
            return;
        }
        if (posting instanceof String single) {
            if (single.equals(id)) {
                byHash.remove(key);
                bySort.remove(key);
            }
            return;
        }
        if (posting instanceof LoadedIds loaded) {
            if (!loaded.contains(id)) {
                return;
            }
            posting = loaded.toSet();
        }
        Set<String> ids = ids(posting);
        ids.remove(id);
        if (ids.size() == 1) {
            String last = ids.iterator().next();
            byHash.put(key, last);
            bySort.put(key, last);
        } else if (ids.isEmpty()) {
            byHash.remove(key);
            bySort.remove(key);
        } else if (ids != byHash.get(key)) { // a loaded array turned into a set
            byHash.put(key, ids);
            bySort.put(key, ids);
        }
    }

    /** The ids with this key, in no particular order; empty when none. O(1). */
    public List<String> idsEqual(Object key) {
        List<String> out = new ArrayList<>(1);
        addAll(byHash.get(key), out::add);
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
    public List<IndexEntry> entriesInRange(Object from, boolean fromInclusive, Object to, boolean toInclusive,
                                           boolean descending, int limit) {
        List<IndexEntry> out = new ArrayList<>(Math.min(limit, 1024));
        for (Map.Entry<Object, Object> entry : range(from, fromInclusive, to, toInclusive, descending).entrySet()) {
            int room = limit - out.size();
            if (room <= 0) {
                break;
            }
            Object key = entry.getKey();
            for (String id : smallestIds(entry.getValue(), room)) {
                out.add(new IndexEntry(key, id));
            }
        }
        return out;
    }

    /**
     * At most {@code count} of the posting's ids, the smallest, in order. A key shared by many records
     * may be cut by a small limit: a bounded heap then finds its first ids in one pass instead of
     * sorting all of them.
     */
    private static List<String> smallestIds(Object posting, int count) {
        if (posting == null) {
            return List.of();
        }
        if (posting instanceof String single) {
            return List.of(single);
        }
        if (posting instanceof LoadedIds loaded) {
            return loaded.first(count);
        }
        Set<String> ids = ids(posting);
        if (ids.size() <= count) {
            List<String> all = new ArrayList<>(ids);
            all.sort(null);
            return all;
        }
        PriorityQueue<String> largestFirst = new PriorityQueue<>(count + 1,
                Comparator.reverseOrder());
        for (String id : ids) {
            if (largestFirst.size() < count) {
                largestFirst.add(id);
            } else if (id.compareTo(largestFirst.peek()) < 0) {
                largestFirst.poll();
                largestFirst.add(id);
            }
        }
        List<String> first = new ArrayList<>(largestFirst);
        first.sort(null);
        return first;
    }

    /** Visits (key, id) pairs of the range in key order, ascending or descending. */
    public void forEachInRange(Object from, boolean fromInclusive, Object to, boolean toInclusive, boolean descending,
                               BiConsumer<Object, String> visitor) {
        for (Map.Entry<Object, Object> entry : range(from, fromInclusive, to, toInclusive, descending).entrySet()) {
            Object key = entry.getKey();
            addAll(entry.getValue(), id -> visitor.accept(key, id));
        }
    }

    private NavigableMap<Object, Object> range(Object from, boolean fromInclusive, Object to, boolean toInclusive,
                                               boolean descending) {
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
            Object posting = entry.getValue();
            if (posting instanceof String single) {
                out.add(new IndexEntry(key, single));
            } else {
                for (String id : sortedIds(posting)) {
                    out.add(new IndexEntry(key, id));
                }
            }
        }
        return out;
    }

    /** Drops every entry. Writer only. */
    public void clear() {
        byHash.clear();
        bySort.clear();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> ids(Object posting) {
        return (Set<String>) posting;
    }

    /** The ids of a posting of several, in string order; unmodifiable. */
    private static List<String> sortedIds(Object posting) {
        if (posting instanceof LoadedIds loaded) {
            return loaded.asList(); // sorted already
        }
        String[] sorted = ids(posting).toArray(new String[0]); // an array sort: no stream pipeline per key
        Arrays.sort(sorted);
        return Collections.unmodifiableList(Arrays.asList(sorted));
    }

    private static void addAll(Object posting, Consumer<String> sink) {
        if (posting == null) {
            return;
        }
        if (posting instanceof String single) {
            sink.accept(single);
        } else if (posting instanceof LoadedIds loaded) {
            loaded.forEach(sink);
        } else {
            ((Collection<String>) ids(posting)).forEach(sink);
        }
    }
}
