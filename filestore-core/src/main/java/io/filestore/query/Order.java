package io.filestore.query;

import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.filestore.internal.index.IndexKeys;

/**
 * One sort criterion. Values order as index keys (booleans, then numbers, then strings); a field
 * holding several values sorts by its smallest ascending and its largest descending, as MongoDB does;
 * rows without the field come last ascending and first descending (missing is largest, as in SQL's
 * default). Ties are broken by id, ascending, so pages are stable.
 *
 * @param field     a field path
 * @param ascending the direction
 */
public record Order(String field, boolean ascending) {

    /** Ascending by the field. */
    public static Order asc(String field) {
        return new Order(field, true);
    }

    /** Descending by the field. */
    public static Order desc(String field) {
        return new Order(field, false);
    }

    /** The row's sort key for this criterion, or {@code null} when it has none. */
    @Nullable Object keyOf(Row row) {
        Object best = null;
        for (Object key : row.keys(field)) {
            if (best == null || (ascending ? IndexKeys.compare(key, best) < 0 : IndexKeys.compare(key, best) > 0)) {
                best = key;
            }
        }
        return best;
    }

    /** Compares two rows' keys for this criterion, direction applied. */
    int compare(Object a, Object b) {
        int c;
        if (a == null || b == null) {
            c = a == b ? 0 : a == null ? 1 : -1;
        } else {
            c = IndexKeys.compare(a, b);
        }
        return ascending ? c : -c;
    }

    /** The order of rows by the criteria, then by id. */
    static Comparator<Row> rows(List<Order> orders) {
        return (x, y) -> {
            for (Order order : orders) {
                int c = order.compare(order.keyOf(x), order.keyOf(y));
                if (c != 0) {
                    return c;
                }
            }
            return x.id().compareTo(y.id());
        };
    }

    @Override
    public String toString() {
        return field + (ascending ? " asc" : " desc");
    }
}
