package io.filestore.internal.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.filestore.IndexEntry;
import io.filestore.internal.index.FieldIndex;
import io.filestore.internal.index.IndexKeys;

/** The entries of an index range as a transaction sees them: the committed ones it did not rewrite, plus its own. */
final class RangeOverlay {

    private RangeOverlay() {
    }

    /**
     * A page of the range as this thread sees it (the entries after the first {@code offset}, at most
     * {@code limit}), and what {@code then} makes of them in the same consistent read: the committed index
     * alone when the transaction wrote nothing to the collection, else overlaid with its writes (a write
     * transaction holds the writer mutex, so no commit falls between its reads). Call inside
     * {@link Committer#view}.
     */
    static <T> T page(Committer committer, FieldIndex index, int position, Map<String, PendingWrite> writes,
                      @Nullable Object low, boolean fromInclusive, @Nullable Object high, boolean toInclusive,
                      boolean descending, int offset, int limit, Function<List<IndexEntry>, T> then) {
        if (writes.isEmpty()) {
            return committer.read(() -> then.apply(
                    index.entriesInRange(low, fromInclusive, high, toInclusive, descending, offset, limit)));
        }
        List<IndexEntry> all = entries(committer, index, position, writes, low, fromInclusive, high, toInclusive, descending);
        int first = Math.min(offset, all.size());
        return then.apply(new ArrayList<>(all.subList(first, (int) Math.min(all.size(), (long) first + limit))));
    }

    /**
     * The range's entries in key order, ascending or descending, ids of one key ascending either way (as the
     * index reads them). Call inside {@link Committer#view}.
     *
     * @param position the index's position in the collection's key lists
     * @param writes   this thread's pending writes to the collection
     */
    static List<IndexEntry> entries(Committer committer, FieldIndex index, int position, Map<String, PendingWrite> writes,
                                    @Nullable Object low, boolean fromInclusive, @Nullable Object high, boolean toInclusive,
                                    boolean descending) {
        List<IndexEntry> matches = committer.read(() -> {
            List<IndexEntry> committed = new ArrayList<>();
            index.forEachInRange(low, fromInclusive, high, toInclusive, false, (key, id) -> {
                if (!writes.containsKey(id)) {
                    committed.add(new IndexEntry(key, id));
                }
            });
            return committed;
        });
        writes.forEach((id, write) -> {
            for (Object key : write.isDelete() ? List.of() : write.keys().get(position)) {
                if (inRange(key, low, fromInclusive, high, toInclusive)) {
                    matches.add(new IndexEntry(key, id));
                }
            }
        });
        Comparator<IndexEntry> byKey = Comparator.comparing(IndexEntry::key, IndexKeys.ORDER);
        matches.sort((descending ? byKey.reversed() : byKey).thenComparing(IndexEntry::rowId));
        return matches;
    }

    private static boolean inRange(Object key, @Nullable Object low, boolean lowInclusive, @Nullable Object high,
                                   boolean highInclusive) {
        if (low != null) {
            int c = IndexKeys.compare(key, low);
            if (c < 0 || (c == 0 && !lowInclusive)) {
                return false;
            }
        }
        if (high != null) {
            int c = IndexKeys.compare(key, high);
            return c < 0 || (c == 0 && highInclusive);
        }
        return true;
    }
}
