package io.filestore.internal.index;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * (key, stored postings: see {@link FieldIndex}) pairs sorted by key seen as a sorted map, only as far as
 * {@link ConcurrentSkipListMap}'s copy constructor reads one (its comparator and its entries in
 * order), which builds the skip list in linear time.
 */
final class SortedPostings extends AbstractMap<Object, Object>
        implements SortedMap<Object, Object> {
    private final Map.Entry<Object, Object>[] postings;

    SortedPostings(Map.Entry<Object, Object>[] postings) {
        this.postings = postings;
    }

    @Override
    public Comparator<? super Object> comparator() {
        return IndexKeys.ORDER;
    }

    @Override
    public Set<Map.Entry<Object, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<Object, Object>> iterator() {
                return Arrays.asList(postings).iterator();
            }

            @Override
            public int size() {
                return postings.length;
            }
        };
    }

    @Override
    public SortedMap<Object, Object> subMap(Object fromKey, Object toKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<Object, Object> headMap(Object toKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SortedMap<Object, Object> tailMap(Object fromKey) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object firstKey() {
        return postings[0].getKey();
    }

    @Override
    public Object lastKey() {
        return postings[postings.length - 1].getKey();
    }
}
