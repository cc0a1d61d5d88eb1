package io.filestore.data.repository.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;

import io.filestore.data.core.FileStoreTemplate;
import io.filestore.query.Plan;
import io.filestore.query.Query;

/**
 * Reads {@link Window}s of a query's results, as Spring Data's scrolling API has them.
 *
 * <p>An {@link OffsetScrollPosition} skips the rows up to and including its offset (the initial one
 * skips none). A {@link KeysetScrollPosition} resumes after the row whose sort keys it holds, so rows
 * written or deleted between windows shift nothing; the sort is made total by the id, and each window's
 * positions hold the values of every sort key and of the id, by property path. Reading past the
 * position's value of the first sort key is a range of that key's index when it has one, read in index
 * order and only as far as the window needs (a first window reads as a first page does). Missing values
 * sort last ascending and first descending, and scrolling passes them as any other. A window's
 * {@code hasNext()} says whether more rows follow in its direction. A {@link Limit} is the window's size;
 * without one, a window holds every remaining row. Thread-safe.
 */
public final class Scrolling {

    private final FileStoreTemplate template;

    /** Scrolling that reads through the template. */
    public Scrolling(FileStoreTemplate template) {
        this.template = template;
    }

    /**
     * The window of the query's rows after the position, in the sort's order.
     *
     * @param filtered the query with its condition, neither sorted nor paged
     * @throws IllegalArgumentException when the position is null or the limit under 1
     * @throws IllegalStateException    when a keyset position lacks a key of the sort
     */
    public <T> Window<T> window(Query filtered, Sort sort, ScrollPosition position, Limit limit, Class<T> type) {
        if (limit.isLimited() && limit.max() < 1) {
            throw new IllegalArgumentException("A window holds at least one row; the limit " + limit.max()
                    + " would never move on (use Limit.unlimited() for every remaining row)");
        }
        if (position instanceof OffsetScrollPosition offset) {
            return byOffset(filtered, sort, offset, limit, type);
        }
        if (position instanceof KeysetScrollPosition keyset) {
            return byKeyset(filtered, sort, keyset, limit, type);
        }
        throw new IllegalArgumentException(position == null ? "ScrollPosition must not be null; start with"
                + " ScrollPosition.keyset() or ScrollPosition.offset()" : "ScrollPosition " + position + " is not supported");
    }

    /** How the window's main read would find its rows (for a keyset, the read past the first key's value). */
    public Plan explain(Query filtered, Sort sort, ScrollPosition position, Limit limit, Class<?> type) {
        if (position instanceof KeysetScrollPosition keyset) {
            Query main = new KeysetScroll(sort, keyset, type, template.converter()).mainRead(filtered);
            return (limit.isLimited() ? main.limit(limit.max() + 1L) : main).explain();
        }
        if (position instanceof OffsetScrollPosition offset) {
            return offsetRead(filtered, sort, offset, limit, type).explain();
        }
        throw new IllegalArgumentException("ScrollPosition " + position + " is not supported");
    }

    private <T> Window<T> byOffset(Query filtered, Sort sort, OffsetScrollPosition position, Limit limit, Class<T> type) {
        List<T> found = template.find(offsetRead(filtered, sort, position, limit, type), type);
        long skipped = skipped(position);
        return window(found, limit, OffsetScrollPosition.positionFunction(skipped));
    }

    private Query offsetRead(Query filtered, Sort sort, OffsetScrollPosition position, Limit limit, Class<?> type) {
        Query read = Sorting.apply(filtered, sort, type, template.converter()).offset(skipped(position));
        return limit.isLimited() ? read.limit(limit.max() + 1L) : read;
    }

    private static long skipped(OffsetScrollPosition position) {
        return position.isInitial() ? 0 : position.getOffset() + 1;
    }

    private <T> Window<T> byKeyset(Query filtered, Sort sort, KeysetScrollPosition position, Limit limit, Class<T> type) {
        KeysetScroll scroll = new KeysetScroll(sort, position, type, template.converter());
        long wanted = limit.isLimited() ? limit.max() + 1L : Long.MAX_VALUE;
        List<T> found = new ArrayList<>();
        for (Query read : scroll.reads(filtered)) {
            found.addAll(template.find(limit.isLimited() ? read.limit(wanted - found.size()) : read, type));
            if (found.size() >= wanted) {
                break;
            }
        }
        boolean more = limit.isLimited() && found.size() > limit.max();
        List<T> items = new ArrayList<>(more ? found.subList(0, limit.max()) : found);
        if (position.scrollsBackward()) {
            Collections.reverse(items);
        }
        return Window.from(items, index -> ScrollPosition.of(scroll.keysOf(items.get(index)), position.getDirection()), more);
    }

    private static <T> Window<T> window(List<T> found, Limit limit, IntFunction<? extends ScrollPosition> positions) {
        boolean more = limit.isLimited() && found.size() > limit.max();
        return Window.from(more ? List.copyOf(found.subList(0, limit.max())) : found, positions, more);
    }
}
