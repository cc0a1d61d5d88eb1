package io.filestore.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.filestore.DocumentCollection;
import io.filestore.IndexEntry;
import io.filestore.aggregate.Aggregate;
import io.filestore.internal.index.IndexKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/** Runs one query: candidates, filter, group, sort, page, project. */
final class Execution {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Query query;
    private final DocumentCollection collection;

    Execution(Query query) {
        this.query = query;
        this.collection = query.store.collection(query.collection);
    }

    QueryResult run() {
        long needed = query.limit == Long.MAX_VALUE || query.isGrouped() ? Long.MAX_VALUE : query.offset + query.limit;
        Planner.Source source = new Planner(query.store, query.collection, query.joins)
                .choose(query.where, query.orders, needed);
        if (isIndexOrdered(source) && source.page() != null) {
            List<Row> page = pageInIndexOrder(source.page());
            if (page != null) {
                return result(page);
            }
        }
        if (isSortedScan(source)) {
            List<Row> first = firstOfSortedScan(needed);
            if (first != null) {
                return result(first.subList((int) Math.min(query.offset, first.size()), first.size()));
            }
        }
        List<Row> matches = isIndexOrdered(source) ? firstInIndexOrder(source) : matches(source);
        return finish(matches);
    }

    JsonResult runJson() {
        if (query.select.isEmpty() && query.joins.isEmpty()) {
            long needed = query.limit == Long.MAX_VALUE ? Long.MAX_VALUE : query.offset + query.limit;
            Planner.Source source = new Planner(query.store, query.collection, query.joins)
                    .choose(query.where, query.orders, needed);
            if (isIndexOrdered(source) && source.page() != null) {
                return storedTextInIndexOrder(source.page());
            }
        }
        QueryResult result = run();
        return new JsonResult(result.ids(), result.rows().stream().map(ObjectNode::toString).toList());
    }

    /** As {@link #pageInIndexOrder}, each row the record's stored text, read with its entry in one consistent step. */
    private JsonResult storedTextInIndexOrder(Planner.PageRead read) {
        List<Map.Entry<IndexEntry, String>> page = read.readJson((int) Math.min(query.offset, Integer.MAX_VALUE),
                (int) Math.min(query.limit, Integer.MAX_VALUE));
        List<String> ids = new ArrayList<>(page.size());
        List<String> rows = new ArrayList<>(page.size());
        for (Map.Entry<IndexEntry, String> row : page) {
            ids.add(row.getKey().rowId());
            rows.add(row.getValue());
        }
        return new JsonResult(ids, rows);
    }

    /** Whether the query is a page of every record in an order no index gives: a scan that needs only the sort's fields. */
    private boolean isSortedScan(Planner.Source source) {
        return source.ids() == null && query.where == null && query.joins.isEmpty() && !query.isGrouped()
                && !query.orders.isEmpty() && query.limit != Long.MAX_VALUE;
    }

    /**
     * The first {@code needed} records in the query's order: a scan of only the sort's top-level fields,
     * a bounded heap of the first rows, then the whole records of those rows alone. {@code null} when one
     * was deleted or re-sorted since the scan (the caller then takes the general path).
     */
    private @Nullable List<Row> firstOfSortedScan(long needed) {
        Set<String> fields = new HashSet<>();
        query.orders.forEach(order -> fields.add(order.field().split("\\.", 2)[0]));
        FirstRows first = new FirstRows(query.orders, needed, collection.count());
        collection.forEach(fields, (id, record) -> first.offer(new Row(id, record)));
        List<Row> rows = new ArrayList<>();
        for (Row row : first.rows()) {
            Optional<Row> whole = evaluate(row.id());
            if (whole.isEmpty() || !sameSortKeys(row, whole.get())) {
                return null;
            }
            rows.add(whole.get());
        }
        return rows;
    }

    /** Whether a record still sorts where the scan put it (a commit may have changed it since). */
    private boolean sameSortKeys(Row scanned, Row now) {
        for (Order order : query.orders) {
            if (!Objects.equals(order.keyOf(scanned), order.keyOf(now))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The page of a source whose every entry is a match, each record once, in the final order: the
     * page's entries (the index counts the offset's without making them), and only their records.
     * {@code null} when one was deleted since the index was read (the caller then takes the general path).
     */
    private @Nullable List<Row> pageInIndexOrder(Planner.PageRead read) {
        int offset = (int) Math.min(query.offset, Integer.MAX_VALUE);
        int limit = (int) Math.min(query.limit, Integer.MAX_VALUE);
        List<IndexEntry> entries = read.read(offset, limit);
        List<Row> page = new ArrayList<>(entries.size());
        for (IndexEntry entry : entries) {
            Optional<Row> row = evaluate(entry.rowId());
            if (row.isEmpty()) {
                return null;
            }
            page.add(row.get());
        }
        return page;
    }

    long count() {
        if (query.where == null && !query.isGrouped()) {
            return collection.count(); // every record matches: no record is read
        }
        Planner.Source source = source();
        if (source.exact() && !query.isGrouped()) {
            return source.ids().size();
        }
        List<Row> matches = matches(source);
        return query.isGrouped() ? groups(matches).size() : matches.size();
    }

    Plan plan() {
        long needed = query.limit == Long.MAX_VALUE || query.isGrouped() ? Long.MAX_VALUE : query.offset + query.limit;
        Planner.Source source = new Planner(query.store, query.collection, query.joins)
                .choose(query.where, query.orders, needed);
        int candidates = source.ids() == null ? collection.count() : source.ids().size();
        List<String> steps = new ArrayList<>();
        if (!query.joins.isEmpty()) {
            steps.add(query.joins.values().stream().map(Object::toString).collect(Collectors.joining(", ")));
        }
        if (query.where != null && !source.exact()) {
            steps.add("filter " + query.where);
        }
        if (query.isGrouped()) {
            steps.add("group by " + query.groupBy + " computing " + query.aggregations);
        }
        steps.add("sort by " + (query.orders.isEmpty() ? "id" : query.orders + ", id"));
        if (query.offset > 0 || query.limit != Long.MAX_VALUE) {
            steps.add("offset " + query.offset + (query.limit == Long.MAX_VALUE ? "" : " limit " + query.limit));
        }
        if (!query.select.isEmpty()) {
            steps.add("select " + query.select);
        }
        return new Plan(source.access(), candidates, source.detail(), isIndexOrdered(source), String.join("; ", steps));
    }

    /** Every row that matches, in candidate order. */
    List<Row> matches(Planner.Source source) {
        List<Row> out = new ArrayList<>();
        if (source.ids() == null) {
            collection.forEach((id, record) -> consider(id, record).ifPresent(out::add));
        } else {
            for (String id : source.allIds()) {
                collection.get(id).flatMap(record -> consider(id, record)).ifPresent(out::add);
            }
        }
        return out;
    }

    Planner.Source source() {
        return new Planner(query.store, query.collection, query.joins).choose(query.where);
    }

    /** The record as a row, if it exists now and matches. */
    Optional<Row> evaluate(String id) {
        return collection.get(id).flatMap(record -> consider(id, record));
    }

    /** Groups, sorts, pages and projects the matches. */
    QueryResult finish(List<Row> matches) {
        List<Row> rows = query.isGrouped() ? groups(matches) : matches;
        long needed = query.limit == Long.MAX_VALUE ? Long.MAX_VALUE : query.offset + query.limit;
        rows = sorted(rows, needed);
        int from = (int) Math.min(query.offset, rows.size());
        int to = (int) Math.min(rows.size(), from + Math.min(query.limit, Integer.MAX_VALUE));
        return result(rows.subList(from, to));
    }

    /** The page's rows as the result: whole records or their selected fields. */
    private QueryResult result(List<Row> page) {
        List<String> ids = new ArrayList<>(page.size());
        List<ObjectNode> out = new ArrayList<>(page.size());
        for (Row row : page) {
            ids.add(row.id());
            out.add(query.select.isEmpty() ? row.record() : project(row));
        }
        return new QueryResult(ids, out);
    }

    private Optional<Row> consider(String id, ObjectNode record) {
        for (Join join : query.joins.values()) {
            JsonNode joined = join.fetch(id, record);
            if (joined != null) {
                record.set(join.alias(), joined);
            }
        }
        Row row = new Row(id, record);
        return query.where == null || query.where.test(row) ? Optional.of(row) : Optional.empty();
    }

    /** Whether the candidates come sorted by the query's only order, so a limit can stop early. */
    private boolean isIndexOrdered(Planner.Source source) {
        return source.rangeField() != null && !query.isGrouped() && query.limit != Long.MAX_VALUE
                && query.orders.size() == 1 && query.orders.get(0).field().equals(source.rangeField());
    }

    /**
     * Reads candidates in index order until offset + limit rows match and the key moves past the last
     * one's (its ties still count, as the final sort breaks them by id). A row with several keys at the
     * field could sort elsewhere than its index position, so meeting one falls back to reading all.
     */
    private List<Row> firstInIndexOrder(Planner.Source source) {
        Order order = query.orders.get(0);
        long needed = query.offset + query.limit;
        if (source.ordered() != null) {
            return firstOfOrderedRange(source, order, needed);
        }
        List<String> ids = source.ids();
        if (!order.ascending()) {
            ids = new ArrayList<>(ids);
            Collections.reverse(ids);
        }
        List<Row> out = new ArrayList<>();
        Object last = null;
        for (String id : ids) {
            Optional<Row> match = evaluate(id);
            if (match.isEmpty()) {
                continue;
            }
            List<Object> keys = match.get().keys(order.field());
            if (keys.size() != 1) {
                return matches(source);
            }
            if (out.size() >= needed && IndexKeys.compare(keys.get(0), last) != 0) {
                break;
            }
            out.add(match.get());
            last = keys.get(0);
        }
        return out;
    }

    /**
     * Reads the range's index entries in the query's order, ties in id order (the final order of the
     * rows), so the first matches found are the first rows: only they are read. The entries come in
     * growing batches, each read whole again, so each answer comes from one consistent read.
     */
    private List<Row> firstOfOrderedRange(Planner.Source source, Order order, long needed) {
        long batch = Planner.firstRead(needed);
        while (true) {
            int size = (int) Math.min(Integer.MAX_VALUE, batch);
            List<IndexEntry> entries = source.ordered().apply(size);
            List<Row> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (IndexEntry entry : entries) {
                Optional<Row> match = seen.add(entry.rowId()) ? evaluate(entry.rowId()) : Optional.empty();
                if (match.isPresent()) {
                    if (match.get().keys(order.field()).size() != 1) {
                        return matches(source);
                    }
                    out.add(match.get());
                    if (out.size() >= needed) {
                        return out;
                    }
                }
            }
            if (entries.size() < size) {
                return out;
            }
            batch *= 8;
        }
    }

    /** The first {@code needed} rows in the query's order (then by id). */
    private List<Row> sorted(List<Row> rows, long needed) {
        FirstRows first = new FirstRows(query.orders, needed, rows.size());
        rows.forEach(first::offer);
        return first.rows();
    }

    private List<Row> groups(List<Row> matches) {
        Map<String, ObjectNode> groups = new LinkedHashMap<>();
        Map<String, List<Aggregate>> aggregates = new LinkedHashMap<>();
        for (Row row : matches) {
            ArrayNode values = NODES.arrayNode();
            for (String field : query.groupBy) {
                List<JsonNode> found = row.values(field);
                values.add(found.isEmpty() ? NullNode.getInstance() : found.get(0));
            }
            String groupId = values.toString();
            ObjectNode group = groups.computeIfAbsent(groupId, key -> {
                ObjectNode fresh = NODES.objectNode();
                for (int i = 0; i < query.groupBy.size(); i++) {
                    putPath(fresh, query.groupBy.get(i), values.get(i));
                }
                return fresh;
            });
            List<Aggregate> state = aggregates.computeIfAbsent(groupId, key ->
                    query.aggregations.values().stream().map(a -> a.aggregate().get()).toList());
            int i = 0;
            for (Aggregation aggregation : query.aggregations.values()) {
                state.get(i++).add(aggregation.field() == null ? null : number(row, aggregation.field()));
            }
            groups.put(groupId, group);
        }
        List<Row> rows = new ArrayList<>(groups.size());
        groups.forEach((groupId, group) -> {
            int i = 0;
            for (String name : query.aggregations.keySet()) {
                putResult(group, name, aggregates.get(groupId).get(i++).result());
            }
            rows.add(new Row(groupId, group));
        });
        return rows;
    }

    private ObjectNode project(Row row) {
        ObjectNode out = NODES.objectNode();
        for (String field : query.select) {
            List<JsonNode> values = row.values(field);
            if (values.size() == 1) {
                out.set(field, values.get(0));
            } else if (values.size() > 1) {
                ArrayNode array = out.putArray(field);
                values.forEach(array::add);
            }
        }
        return out;
    }

    private static @Nullable Double number(Row row, String field) {
        for (JsonNode value : row.values(field)) {
            if (value.isNumber()) {
                return value.doubleValue();
            }
        }
        return null;
    }

    private static void putResult(ObjectNode group, String name, OptionalDouble result) {
        if (result.isEmpty()) {
            group.putNull(name);
        } else if (result.getAsDouble() == Math.rint(result.getAsDouble()) && Math.abs(result.getAsDouble()) < 1e15) {
            group.put(name, (long) result.getAsDouble());
        } else {
            group.put(name, result.getAsDouble());
        }
    }

    private static void putPath(ObjectNode target, String path, JsonNode value) {
        String[] segments = path.split("\\.");
        ObjectNode node = target;
        for (int i = 0; i < segments.length - 1; i++) {
            JsonNode child = node.get(segments[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(segments[i]);
        }
        node.set(segments[segments.length - 1], value);
    }

}
