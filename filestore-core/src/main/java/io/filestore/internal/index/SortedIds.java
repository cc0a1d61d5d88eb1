package io.filestore.internal.index;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The posting of a key that several loaded records share: its ids sorted and distinct in one array,
 * far smaller than a concurrent set and in the order index files and ordered queries want. Immutable:
 * the key's first write replaces it with an {@link IdSet} (readers may be walking the array).
 */
final class SortedIds implements Postings {

    private final String[] ids;

    private SortedIds(String[] ids) {
        this.ids = ids;
    }

    /** The posting of a loaded key's ids (not empty, maybe repeated): a single id, or the distinct ids sorted. */
    static Postings of(List<String> loaded) {
        String[] sorted = loaded.toArray(new String[0]);
        Arrays.sort(sorted);
        int distinct = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (!sorted[i].equals(sorted[distinct - 1])) { // an array field can give one record a key twice
                sorted[distinct++] = sorted[i];
            }
        }
        if (distinct == 1) {
            return new SingleId(sorted[0]);
        }
        return new SortedIds(distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct));
    }

    @Override
    public int size() {
        return ids.length;
    }

    /** O(log n). */
    @Override
    public boolean contains(String id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    @Override
    public Postings with(String id) {
        return contains(id) ? this : IdSet.of(ids).with(id);
    }

    @Override
    public @Nullable Postings without(String id) {
        return contains(id) ? IdSet.of(ids).without(id) : this;
    }

    @Override
    public void forEach(Consumer<String> sink) {
        for (String id : ids) {
            sink.accept(id);
        }
    }

    @Override
    public List<String> sorted() {
        return Collections.unmodifiableList(Arrays.asList(ids));
    }

    @Override
    public List<String> smallest(int count) {
        return count >= ids.length ? sorted() : sorted().subList(0, count);
    }
}
