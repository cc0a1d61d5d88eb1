package io.filestore.boot.autoconfigure.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;

import io.filestore.FileStore;
import io.filestore.query.Condition;
import io.filestore.query.Order;
import io.filestore.query.Plan;
import io.filestore.query.Query;
import io.filestore.query.QueryResult;
import io.filestore.query.Where;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A query as the console's form sends it (field conditions joined by and, a sort, a limit), turned into a
 * {@link Query}, run, and answered with its rows, its {@link Query#explain() plan} and how long it took.
 * A wrong operator or limit is an {@link IllegalArgumentException} naming it and what is allowed, which
 * the console shows.
 */
final class ConsoleQuery {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private static final Map<String, BiFunction<String, @Nullable Object, Condition>> OPERATORS = Map.of(
            "eq", Where::eq, "ne", (field, value) -> Where.ne(field, required(field, value)),
            "gt", (field, value) -> Where.gt(field, required(field, value)),
            "gte", (field, value) -> Where.gte(field, required(field, value)),
            "lt", (field, value) -> Where.lt(field, required(field, value)),
            "lte", (field, value) -> Where.lte(field, required(field, value)),
            "startsWith", (field, value) -> Where.startsWith(field, String.valueOf(required(field, value))),
            "contains", (field, value) -> Where.contains(field, required(field, value)));

    private ConsoleQuery() {
    }

    /**
     * The form's query.
     *
     * @param conditions field conditions, all of which must hold; none for every record
     * @param sort       the order, first criterion first; none for id order
     * @param limit      at most this many rows, 1 to 1000; {@code null} for 50
     */
    record Request(@Nullable List<FieldCondition> conditions, @Nullable List<SortField> sort, @Nullable Integer limit) {
    }

    /** One condition: the field, an operator (eq, ne, gt, gte, lt, lte, startsWith, contains) and a JSON value. */
    record FieldCondition(String field, String op, @Nullable JsonNode value) {
    }

    /** One sort criterion. */
    record SortField(String field, boolean descending) {
    }

    /**
     * The answer.
     *
     * @param plan       how the query ran, as {@link Query#explain()} says
     * @param planText   the plan in one line, as {@link Plan#toString()} writes it
     * @param tookMicros how long the run took, in microseconds
     * @param ids        the matching ids, in order
     * @param rows       the matching records, in order
     */
    record Result(Plan plan, String planText, long tookMicros, List<String> ids, List<ObjectNode> rows) {
    }

    /** Runs the request on the collection. */
    static Result run(FileStore store, String collection, Request request) {
        Query query = build(store, collection, request);
        Plan plan = query.explain();
        long started = System.nanoTime();
        QueryResult result = query.run();
        long tookMicros = (System.nanoTime() - started) / 1_000;
        return new Result(plan, plan.toString(), tookMicros, result.ids(), result.rows());
    }

    private static Query build(FileStore store, String collection, Request request) {
        Query query = Query.from(store, collection).limit(limit(request.limit()));
        List<Condition> conditions = new ArrayList<>();
        for (FieldCondition condition : request.conditions() == null ? List.<FieldCondition>of() : request.conditions()) {
            conditions.add(condition(condition));
        }
        if (!conditions.isEmpty()) {
            query = query.where(conditions.size() == 1 ? conditions.get(0) : Where.and(conditions.toArray(Condition[]::new)));
        }
        List<SortField> sort = request.sort() == null ? List.of() : request.sort();
        if (!sort.isEmpty()) {
            query = query.orderBy(sort.stream().map(field -> field.descending() ? Order.desc(field.field())
                    : Order.asc(field.field())).toArray(Order[]::new));
        }
        return query;
    }

    private static int limit(@Nullable Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
        return limit;
    }

    private static Condition condition(FieldCondition condition) {
        if (condition.field() == null || condition.field().isBlank()) {
            throw new IllegalArgumentException("a condition needs a field");
        }
        BiFunction<String, @Nullable Object, Condition> operator = OPERATORS.get(condition.op());
        if (operator == null) {
            throw new IllegalArgumentException("Unknown operator '" + condition.op()
                    + "': use eq, ne, gt, gte, lt, lte, startsWith or contains");
        }
        return operator.apply(condition.field(), value(condition.value()));
    }

    /** The JSON value as the Java value Where compares: text, a number, a boolean, or null. */
    private static @Nullable Object value(@Nullable JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? (Object) value.asLong() : value.bigIntegerValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        return value; // an object or array compares as a whole
    }

    private static Object required(String field, @Nullable Object value) {
        if (value == null) {
            throw new IllegalArgumentException("the condition on '" + field + "' needs a value");
        }
        return value;
    }
}
