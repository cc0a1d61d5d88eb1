package io.filestore.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.jspecify.annotations.Nullable;

/**
 * Rows offered one by one, of which the first {@code needed} in the query's order are kept. When a
 * page needs fewer rows than come, a bounded heap keeps only them (O(n log k), and the others are
 * garbage at once) instead of sorting all.
 */
final class FirstRows {
    private final List<Order> orders;
    private final Comparator<Keyed> order;
    private final int keep;
    private final @Nullable PriorityQueue<Keyed> lastFirst;
    private final List<Keyed> all = new ArrayList<>();

    FirstRows(List<Order> orders, long needed, int expected) {
        this.orders = orders;
        this.order = keyedOrder(orders);
        this.keep = (int) Math.min(needed, Integer.MAX_VALUE - 8);
        this.lastFirst = needed < expected ? new PriorityQueue<>(keep + 1, order.reversed()) : null;
    }

    void offer(Row row) {
        Keyed next = keyed(row, orders);
        if (lastFirst == null) {
            all.add(next);
        } else if (lastFirst.size() < keep) {
            lastFirst.add(next);
        } else if (keep > 0 && order.compare(next, lastFirst.peek()) < 0) {
            lastFirst.poll();
            lastFirst.add(next);
        }
    }

    List<Row> rows() {
        List<Keyed> kept = lastFirst == null ? all : new ArrayList<>(lastFirst);
        kept.sort(order);
        List<Row> out = new ArrayList<>(kept.size());
        kept.forEach(entry -> out.add(entry.row()));
        return out;
    }

    /** A row with its sort keys, computed once. */
    private record Keyed(Row row, Object[] keys) {
    }

    private static Keyed keyed(Row row, List<Order> orders) {
        Object[] keys = new Object[orders.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = orders.get(i).keyOf(row);
        }
        return new Keyed(row, keys);
    }

    /** The orders applied to the keys, then the id. */
    private static Comparator<Keyed> keyedOrder(List<Order> orders) {
        return (x, y) -> {
            for (int i = 0; i < orders.size(); i++) {
                int c = orders.get(i).compare(x.keys[i], y.keys[i]);
                if (c != 0) {
                    return c;
                }
            }
            return x.row.id().compareTo(y.row.id());
        };
    }
}
