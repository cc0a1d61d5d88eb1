package io.filestore.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.filestore.FileStore;
import io.filestore.relation.ManyToManyRelationship;
import io.filestore.relation.Relationship;

/**
 * A query over one collection, built fluently and run as often as you like:
 * <pre>{@code
 * QueryResult top = Query.from(store, "orders")
 *     .join("user", userOfOrder)                       // the order's user under "user"
 *     .where(Where.eq("status", "paid").and(Where.gt("total", 100)))
 *     .orderBy(Order.desc("total")).limit(10)
 *     .select("id", "total", "user.email")
 *     .run();
 * }</pre>
 * Every builder method returns a new query, so a query is immutable and can be shared between threads.
 *
 * <p><b>How it runs.</b> The {@link Planner} finds candidates by id, by index or through a joined
 * collection's index whenever a condition allows, and scans only when none does; {@link #explain()}
 * says which. Each candidate is read, its joins attached, and tested against the whole condition.
 * Matches are grouped (when grouped), sorted ({@link Order}; by id when no order is given), paged and
 * projected. When the candidates come from a range of the index of the one field the query is ordered
 * by, a limit stops reading early. A query reads each record as committed; run it inside a
 * transaction for a view no commit can change while it runs (it then holds writers off, and sees the
 * transaction's own writes).
 */
public final class Query {

    final FileStore store;
    final String collection;
    final Map<String, Join> joins;
    final @Nullable Condition where;
    final List<Order> orders;
    final long offset;
    final long limit;
    final List<String> select;
    final List<String> groupBy;
    final Map<String, Aggregation> aggregations;

    private Query(FileStore store, String collection, Map<String, Join> joins, Condition where, List<Order> orders,
                  long offset, long limit, List<String> select, List<String> groupBy,
                  Map<String, Aggregation> aggregations) {
        this.store = store;
        this.collection = collection;
        this.joins = joins;
        this.where = where;
        this.orders = orders;
        this.offset = offset;
        this.limit = limit;
        this.select = select;
        this.groupBy = groupBy;
        this.aggregations = aggregations;
    }

    /** A query over every record of the collection. */
    public static Query from(FileStore store, String collection) {
        store.collection(collection); // validates the name
        return new Query(Objects.requireNonNull(store), collection, Map.of(), null, List.of(), 0, Long.MAX_VALUE,
                List.of(), List.of(), Map.of());
    }

    /**
     * Attaches related records under an alias: from a local record, the remote record it refers to (an
     * object); from a remote record, every local record that refers to it (an array). Conditions, orders
     * and selects reach them as {@code alias.field}.
     */
    public Query join(String alias, Relationship relationship) {
        return withJoin(Joins.of(alias, relationship, collection, store));
    }

    /** Attaches the records linked through a many-to-many relationship, as an array under the alias. */
    public Query join(String alias, ManyToManyRelationship relationship) {
        return withJoin(Joins.of(alias, relationship, collection, store));
    }

    /** Keeps the rows that satisfy the condition; several calls must all hold. */
    public Query where(Condition condition) {
        Objects.requireNonNull(condition, "condition");
        return copy(joins, where == null ? condition : Where.and(where, condition), orders, offset, limit, select,
                groupBy, aggregations);
    }

    /** Sorts by the field, ascending; further calls break ties. */
    public Query orderBy(String field) {
        return orderBy(Order.asc(field));
    }

    /** Sorts by the criteria, in turn; further calls break ties. */
    public Query orderBy(Order... criteria) {
        List<Order> all = new ArrayList<>(orders);
        all.addAll(Arrays.asList(criteria));
        return copy(joins, where, List.copyOf(all), offset, limit, select, groupBy, aggregations);
    }

    /** Skips the first rows. */
    public Query offset(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, not " + rows);
        }
        return copy(joins, where, orders, rows, limit, select, groupBy, aggregations);
    }

    /** Returns at most this many rows. */
    public Query limit(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, not " + rows);
        }
        return copy(joins, where, orders, offset, rows, select, groupBy, aggregations);
    }

    /**
     * Returns only these fields, each under its path as written ({@code "user.email"}); a missing field
     * is left out of the row, and a path through an array gives an array.
     */
    public Query select(String... fields) {
        return copy(joins, where, orders, offset, limit, List.of(fields), groupBy, aggregations);
    }

    /**
     * Groups the matching rows by the fields' values; each group becomes one row holding the group
     * values under the field paths and each {@link #aggregate} under its name. Orders, offset, limit
     * and select then apply to the groups.
     */
    public Query groupBy(String... fields) {
        return copy(joins, where, orders, offset, limit, select, List.of(fields), aggregations);
    }

    /** Adds an aggregate to each group (the whole match is one group when nothing is grouped by). */
    public Query aggregate(String name, Aggregation aggregation) {
        Map<String, Aggregation> all = new LinkedHashMap<>(aggregations);
        all.put(name, aggregation);
        return copy(joins, where, orders, offset, limit, select, groupBy, all);
    }

    /** Runs the query. */
    public QueryResult run() {
        return new Execution(this).run();
    }

    /**
     * Runs the query and returns its rows as JSON text. Where an index gives the page in order and every
     * entry is a match, no record is parsed: each row is the record's stored text. Otherwise the rows
     * of {@link #run()}, written out.
     */
    public JsonResult runJson() {
        return new Execution(this).runJson();
    }

    /** How many rows the query matches, before offset and limit (groups, when grouped). */
    public long count() {
        return new Execution(this).count();
    }

    /** Whether any row matches. */
    public boolean exists() {
        return limit(1).offset(0).run().size() > 0;
    }

    /** How the query would run now: its access path and candidate count. */
    public Plan explain() {
        return new Execution(this).plan();
    }

    /**
     * Runs the query and keeps its result current: after each commit that may change it, the rows the
     * commit touched (directly or through a join) are tested again, and the listener hears the new
     * result if it differs. The cost per commit is the records it changed plus re-sorting the matches,
     * never a scan. Close the returned query to stop.
     */
    public LiveQuery observe(ResultListener listener) {
        return new LiveQuery(this, listener);
    }

    boolean isGrouped() {
        return !groupBy.isEmpty() || !aggregations.isEmpty();
    }

    private Query withJoin(Join join) {
        if (joins.containsKey(join.alias())) {
            throw new IllegalArgumentException("Alias '" + join.alias() + "' is joined already");
        }
        Map<String, Join> all = new LinkedHashMap<>(joins);
        all.put(join.alias(), join);
        return copy(all, where, orders, offset, limit, select, groupBy, aggregations);
    }

    private Query copy(Map<String, Join> joins, Condition where, List<Order> orders, long offset, long limit,
                       List<String> select, List<String> groupBy, Map<String, Aggregation> aggregations) {
        return new Query(store, collection, joins, where, orders, offset, limit, select, groupBy, aggregations);
    }

    @Override
    public String toString() {
        return "query on " + collection + (where == null ? "" : " where " + where)
                + (orders.isEmpty() ? "" : " order by " + orders);
    }
}
