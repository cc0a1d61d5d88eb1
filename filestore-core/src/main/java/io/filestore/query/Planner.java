package io.filestore.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

import io.filestore.DocumentCollection;
import io.filestore.FileStore;
import io.filestore.IndexEntry;

/**
 * Chooses how a query finds its candidate records: by id, through an index of the collection, through
 * an index of a joined collection and the relationship back, or, when no condition allows any of
 * those, by scanning the collection. Candidates are a superset of the matches: every candidate is
 * tested against the whole condition afterwards, so the planner only has to be safe, never exact.
 *
 * <p>An index answers: equality and {@code in} (hash lookups), ranges and {@code startsWith} (a range
 * of the sorted index), {@code id} equality (direct gets), an {@code and} when one of its parts can
 * (the smallest lookup wins, lookups before ranges), and an {@code or} when all its parts can (a
 * union). {@code not}, {@code contains}, {@code matches}, {@code endsWith}, {@code isNull}, {@code isEmpty} and
 * conditions on unindexed fields scan.
 */
final class Planner {

    /**
     * The chosen access and its candidate ids ({@code null} for a scan).
     *
     * @param rangeField the field whose index order the ids follow (ascending), or {@code null}
     * @param exact      whether the candidates are exactly the matches
     * @param ordered    for a range read in the query's order: gives the first n index entries
     * @param page       when every entry of that read is a match, each record once: gives the entries of a page
     */
    record Source(Plan.Access access, @Nullable List<String> ids, String detail, @Nullable String rangeField, boolean exact,
                  @Nullable IntFunction<List<IndexEntry>> ordered, @Nullable PageRead page) {

        Source(Plan.Access access, @Nullable List<String> ids, String detail, @Nullable String rangeField, boolean exact) {
            this(access, ids, detail, rangeField, exact, null, null);
        }

        static Source scan(String detail) {
            return new Source(Plan.Access.FULL_SCAN, null, detail, null, false);
        }

        /** Every candidate id. */
        List<String> allIds() {
            if (ordered == null) {
                return ids;
            }
            Set<String> all = new LinkedHashSet<>();
            ordered.apply(Integer.MAX_VALUE).forEach(entry -> all.add(entry.rowId()));
            return new ArrayList<>(all);
        }
    }

    /**
     * A page of an index range, in the query's order: the entries after the first {@code offset}, at most
     * {@code limit}, or the same with their records' stored JSON text.
     */
    record PageRead(DocumentCollection target, String field, @Nullable Object from, boolean fromInclusive,
                    @Nullable Object to, boolean toInclusive, boolean descending) {

        List<IndexEntry> read(int offset, int limit) {
            return target.findEntriesInRange(field, from, fromInclusive, to, toInclusive, descending, offset, limit);
        }

        List<Map.Entry<IndexEntry, String>> readJson(int offset, int limit) {
            return target.findJsonInRange(field, from, fromInclusive, to, toInclusive, descending, offset, limit);
        }
    }

    /** The fewest index entries a first read of an ordered range asks for. */
    static final int FIRST_READ = 64;

    /** How many index entries the first read of an ordered range asks for, when {@code needed} rows are. */
    static int firstRead(long needed) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(FIRST_READ, needed * 2));
    }

    private final FileStore store;
    private final String collection;
    private final Map<String, Join> joins;

    Planner(FileStore store, String collection, Map<String, Join> joins) {
        this.store = store;
        this.collection = collection;
        this.joins = joins;
    }

    /**
     * As {@link #choose(Condition)}, for a query that needs only its first {@code needed} rows in the
     * order given: a range on the one order field is then read from the end the order asks for, the
     * first few ids only, with the rest fetched only if those do not give enough rows.
     */
    Source choose(@Nullable Condition where, List<Order> orders, long needed) {
        if (where == null && orders.size() == 1 && needed < Integer.MAX_VALUE && inIndexOrder(orders.get(0).field())) {
            return wholeIndex(orders.get(0), (int) needed);
        }
        if (orders.size() == 1 && needed < Integer.MAX_VALUE / 2 && rangeOn(where, orders.get(0).field())) {
            Order order = orders.get(0);
            DocumentCollection target = store.collection(collection);
            Object[] b = bounds(where);
            PageRead page = new PageRead(target, order.field(), b[0], (Boolean) b[1], b[2], (Boolean) b[3], !order.ascending());
            IntFunction<List<IndexEntry>> first = n -> page.read(0, n);
            // every entry is a match, each record once and where the sort puts it, when every record has one key:
            // the execution reads the page alone
            if (target.hasOneKeyPerRecord(order.field())) {
                return new Source(Plan.Access.INDEX_RANGE, null, where + " (read in order as far as the page, each a match)",
                        order.field(), true, first, page);
            }
            int firstRead = firstRead(needed);
            List<IndexEntry> firstEntries = first.apply(firstRead);
            Set<String> ids = new LinkedHashSet<>();
            firstEntries.forEach(entry -> ids.add(entry.rowId()));
            // the execution starts with the same read: it gets these entries instead of reading them again
            IntFunction<List<IndexEntry>> ordered = n -> n == firstRead ? firstEntries : first.apply(n);
            return new Source(Plan.Access.INDEX_RANGE, new ArrayList<>(ids), where + " (read in order, "
                    + (ids.size() < firstRead ? "whole range" : "first " + firstRead + " entries, more if needed") + ")",
                    order.field(), false, ordered, null);
        }
        return choose(where);
    }

    /**
     * Every record, read from the order field's index from the end the order asks for: each entry is a
     * match and the entries come in the final order, so the first {@code needed} entries hold the page
     * and no other record is read.
     */
    private Source wholeIndex(Order order, int needed) {
        DocumentCollection target = store.collection(collection);
        PageRead page = new PageRead(target, order.field(), null, true, null, true, !order.ascending());
        return new Source(Plan.Access.INDEX_ORDER, null, "(no condition; index " + order.field() + " read in order as far as "
                + "the page, " + needed + " entries)", order.field(), true, n -> page.read(0, n), page);
    }

    /** Whether the field is indexed and every record has exactly one key there (so its index orders them all). */
    private boolean inIndexOrder(String field) {
        DocumentCollection target = store.collection(collection);
        return target.isIndexed(field) && target.hasOneKeyPerRecord(field);
    }

    Source choose(@Nullable Condition where) {
        if (where == null) {
            return Source.scan("(no condition)");
        }
        Source source = sourceOf(where);
        if (source == null) {
            return Source.scan("(no index answers " + where + ")");
        }
        boolean exact = (where instanceof Condition.Equals || where instanceof Condition.In)
                && source.access() == Plan.Access.INDEX_LOOKUP;
        return exact ? new Source(source.access(), source.ids(), source.detail(), null, true) : source;
    }

    private @Nullable Source sourceOf(Condition condition) {
        if (condition instanceof Condition.And and) {
            return best(and.conditions());
        }
        if (condition instanceof Condition.Or or) {
            return union(or.conditions());
        }
        if (condition instanceof Condition.Equals e) {
            return leaf(e.field(), condition);
        }
        if (condition instanceof Condition.In in) {
            return leaf(in.field(), condition);
        }
        if (condition instanceof Condition.Range range) {
            return leaf(range.field(), condition);
        }
        if (condition instanceof Condition.Prefix prefix) {
            return leaf(prefix.field(), condition);
        }
        return null;
    }

    /** Of an and's parts, the lookup with fewest candidates, or failing that the smallest range. */
    private @Nullable Source best(List<Condition> parts) {
        Source best = null;
        for (boolean ranges : new boolean[] {false, true}) {
            for (Condition part : parts) {
                if (ranges != (part instanceof Condition.Range || part instanceof Condition.Prefix)) {
                    continue;
                }
                Source source = sourceOf(part);
                if (source != null && (best == null || source.ids().size() < best.ids().size())) {
                    best = source;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return null;
    }

    private @Nullable Source union(List<Condition> parts) {
        Set<String> ids = new LinkedHashSet<>();
        List<String> details = new ArrayList<>();
        for (Condition part : parts) {
            Source source = sourceOf(part);
            if (source == null) {
                return null;
            }
            ids.addAll(source.ids());
            details.add(source.detail());
        }
        return new Source(Plan.Access.INDEX_UNION, new ArrayList<>(ids), String.join(" or ", details), null, false);
    }

    /** A condition on one field: of this collection, or of a joined one through its alias. */
    private @Nullable Source leaf(String field, Condition condition) {
        int dot = field.indexOf('.');
        Join join = dot < 0 ? null : joins.get(field.substring(0, dot));
        if (join == null) {
            return lookup(store.collection(collection), field, condition, false);
        }
        Source joined = lookup(store.collection(join.collection()), field.substring(dot + 1), condition, true);
        if (joined == null) {
            return null;
        }
        List<String> ids = new ArrayList<>(join.baseIdsOf(joined.ids()));
        return new Source(Plan.Access.JOIN_INDEX, ids, joined.detail() + " (" + joined.ids().size() + ") via " + join,
                null, false);
    }

    private @Nullable Source lookup(DocumentCollection target, String field, Condition condition, boolean qualify) {
        String name = (qualify ? target.name() + "." : "") + condition;
        if (field.equals("id") && !target.isIndexed("id")) {
            return byId(target, condition, name);
        }
        if (!target.isIndexed(field)) {
            return null;
        }
        if (condition instanceof Condition.Equals e) {
            return new Source(Plan.Access.INDEX_LOOKUP, target.findIds(field, e.key()), name, null, false);
        }
        if (condition instanceof Condition.In in) {
            Set<String> ids = new LinkedHashSet<>();
            in.keys().forEach(key -> ids.addAll(target.findIds(field, key)));
            return new Source(Plan.Access.INDEX_LOOKUP, new ArrayList<>(ids), name, null, false);
        }
        if (condition instanceof Condition.Range r) {
            return range(target, field, name, r.from(), r.fromInclusive(), r.to(), r.toInclusive());
        }
        if (condition instanceof Condition.Prefix p) {
            return range(target, field, name, p.prefix(), true, successor(p.prefix()), false);
        }
        return null;
    }

    /** Equality on the id: direct gets of the ids that exist. */
    private static @Nullable Source byId(DocumentCollection target, Condition condition, String name) {
        List<Object> keys;
        if (condition instanceof Condition.Equals e) {
            keys = List.of(e.key());
        } else if (condition instanceof Condition.In in) {
            keys = List.copyOf(in.keys());
        } else {
            return null;
        }
        List<String> ids = keys.stream().filter(String.class::isInstance).map(String.class::cast)
                .filter(target::exists).toList();
        return new Source(Plan.Access.ID_LOOKUP, ids, name, null, false);
    }

    private static Source range(DocumentCollection target, String field, String name, Object from, boolean fromInclusive,
                                Object to, boolean toInclusive) {
        Object[] b = closed(from, fromInclusive, to, toInclusive);
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(
                target.findIdsInRange(field, b[0], (Boolean) b[1], b[2], (Boolean) b[3])));
        return new Source(Plan.Access.INDEX_RANGE, ids, name, field, false);
    }

    /** Whether the condition is one range (or prefix) on the indexed field. */
    private boolean rangeOn(@Nullable Condition where, String field) {
        String on = where instanceof Condition.Range r ? r.field() : where instanceof Condition.Prefix p ? p.field() : null;
        return field.equals(on) && store.collection(collection).isIndexed(field);
    }

    /** The index bounds of a range or prefix condition: from, fromInclusive, to, toInclusive. */
    private static Object[] bounds(Condition where) {
        if (where instanceof Condition.Range r) {
            return closed(r.from(), r.fromInclusive(), r.to(), r.toInclusive());
        }
        Condition.Prefix p = (Condition.Prefix) where;
        return closed(p.prefix(), true, successor(p.prefix()), false);
    }

    /** Closes an open side at the edge of the bound's type, so a number range never reads the strings. */
    private static Object[] closed(@Nullable Object from, boolean fromInclusive, @Nullable Object to, boolean toInclusive) {
        Object type = from != null ? from : to;
        if (from == null) {
            from = type instanceof Number ? (Object) Double.NEGATIVE_INFINITY : type instanceof String ? "" : Boolean.FALSE;
            fromInclusive = true;
        }
        if (to == null && !(type instanceof String)) {
            to = type instanceof Number ? (Object) Double.POSITIVE_INFINITY : Boolean.TRUE;
            toInclusive = true;
        }
        return new Object[] {from, fromInclusive, to, toInclusive};
    }

    /** The least string greater than every string that starts with the prefix; {@code null} when none is. */
    private static @Nullable String successor(String prefix) {
        int last = prefix.length() - 1;
        while (last >= 0 && prefix.charAt(last) == Character.MAX_VALUE) {
            last--;
        }
        return last < 0 ? null : prefix.substring(0, last) + (char) (prefix.charAt(last) + 1);
    }
}
