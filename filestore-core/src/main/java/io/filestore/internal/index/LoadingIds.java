package io.filestore.internal.index;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The posting of a key that several records share while the collection loads: a plain list that only
 * the hash map's merge touches, under the lock of the key's bin, so loader threads need no concurrent
 * set (growing one id by id resized each shared key's set several times over, which showed in an open's
 * CPU profile). {@link #finish} turns it into the posting the index keeps. Not for readers: the index
 * has none while it loads.
 */
final class LoadingIds implements Postings {

    private final List<String> ids = new ArrayList<>();

    LoadingIds(String first, String second) {
        ids.add(first);
        ids.add(second);
    }

    /** Adds a loaded id, which may repeat one it has. */
    void add(String id) {
        ids.add(id);
    }

    /** The posting to keep: the ids sorted and distinct, or the single id when the list repeats one. */
    Postings finish() {
        return SortedIds.of(ids);
    }

    @Override
    public int size() {
        return ids.size();
    }

    @Override
    public boolean contains(String id) {
        return ids.contains(id);
    }

    @Override
    public Postings with(String id) {
        add(id);
        return this;
    }

    @Override
    public @Nullable Postings without(String id) {
        ids.removeIf(id::equals);
        return ids.isEmpty() ? null : this;
    }

    @Override
    public void forEach(Consumer<String> sink) {
        ids.forEach(sink);
    }

    @Override
    public List<String> sorted() {
        return finish().sorted();
    }

    @Override
    public List<String> smallest(int count) {
        return finish().smallest(count);
    }
}
