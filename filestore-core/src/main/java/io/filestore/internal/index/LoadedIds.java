package io.filestore.internal.index;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The ids of a key that several loaded records share, sorted and distinct, as one array: far smaller
 * than a concurrent set and in the order index files and ordered queries want. Immutable; a
 * {@link FieldIndex} replaces it with a set on the key's first write.
 */
final class LoadedIds {

    private final String[] ids;

    private LoadedIds(String[] ids) {
        this.ids = ids;
    }

    /** The distinct ids of the list (not empty), sorted. */
    static LoadedIds of(List<String> loaded) {
        String[] sorted = loaded.toArray(new String[0]);
        Arrays.sort(sorted);
        int distinct = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (!sorted[i].equals(sorted[distinct - 1])) { // an array field can give one record a key twice
                sorted[distinct++] = sorted[i];
            }
        }
        return new LoadedIds(distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct));
    }

    int size() {
        return ids.length;
    }

    String get(int index) {
        return ids[index];
    }

    /** O(log n). */
    boolean contains(String id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    /** A new concurrent set of these ids, for the key's first write. */
    Set<String> toSet() {
        Set<String> set = ConcurrentHashMap.newKeySet(ids.length + 1);
        Collections.addAll(set, ids);
        return set;
    }

    /** The ids in order, as an unmodifiable view. */
    List<String> asList() {
        return Collections.unmodifiableList(Arrays.asList(ids));
    }

    /** The first {@code count} ids in order (all when fewer). */
    List<String> first(int count) {
        return count >= ids.length ? asList() : asList().subList(0, count);
    }

    void forEach(Consumer<String> sink) {
        for (String id : ids) {
            sink.accept(id);
        }
    }
}
