package io.filestore.internal.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The posting of a key that several records share once it has been written: a concurrent sorted set,
 * which the writer changes in place while readers iterate it (weakly consistent). Kept in id order, so
 * an ordered query cut by a limit reads only the ids it returns: the first ten of a key that a thousand
 * records share are ten steps, not a pass over the thousand. Holds two ids or more; one left becomes a
 * {@link SingleId}.
 */
final class IdSet implements Postings {

    private final NavigableSet<String> ids;
    // the writer's count (a skip list counts by walking itself); read by readers skipping a page's offset
    private volatile int size;

    private IdSet(NavigableSet<String> ids) {
        this.ids = ids;
        this.size = ids.size();
    }

    static IdSet of(String first, String second) {
        NavigableSet<String> ids = new ConcurrentSkipListSet<>();
        ids.add(first);
        ids.add(second);
        return new IdSet(ids);
    }

    /** A set of a loaded key's ids, for its first write. */
    static IdSet of(String[] loaded) {
        return new IdSet(new ConcurrentSkipListSet<>(Arrays.asList(loaded)));
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean contains(String id) {
        return ids.contains(id);
    }

    @Override
    public Postings with(String id) {
        if (ids.add(id)) {
            size++;
        }
        return this;
    }

    @Override
    public @Nullable Postings without(String id) {
        if (!ids.remove(id)) {
            return this;
        }
        size--;
        return size > 1 ? this : size == 1 ? new SingleId(ids.first()) : null;
    }

    @Override
    public void forEach(Consumer<String> sink) {
        ids.forEach(sink);
    }

    @Override
    public List<String> sorted() {
        return Collections.unmodifiableList(new ArrayList<>(ids));
    }

    @Override
    public List<String> smallest(int count) {
        List<String> first = new ArrayList<>(Math.min(count, 64));
        Iterator<String> in = ids.iterator();
        while (first.size() < count && in.hasNext()) {
            first.add(in.next());
        }
        return Collections.unmodifiableList(first);
    }
}
