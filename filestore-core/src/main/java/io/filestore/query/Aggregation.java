package io.filestore.query;

import java.util.Objects;
import java.util.function.Supplier;

import io.filestore.aggregate.Aggregate;

/**
 * An aggregate computed per group of a grouped query: count, sum, avg, min, max of a field's numbers,
 * or a custom {@link Aggregate}. Rows without a number at the field do not count (except for
 * {@link #count()}, which counts rows).
 *
 * @param function  a name for {@code explain}
 * @param field     the field whose numbers are aggregated, or {@code null} for a count
 * @param aggregate makes a fresh aggregate per group
 */
public record Aggregation(String function, String field, Supplier<Aggregate> aggregate) {

    public Aggregation {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(aggregate, "aggregate");
    }

    /** How many rows the group has. */
    public static Aggregation count() {
        return new Aggregation("count", null, Aggregate::count);
    }

    /** The sum of the field's numbers (0 when none). */
    public static Aggregation sum(String field) {
        return new Aggregation("sum", Objects.requireNonNull(field), Aggregate::sum);
    }

    /** The mean of the field's numbers. */
    public static Aggregation avg(String field) {
        return new Aggregation("avg", Objects.requireNonNull(field), Aggregate::average);
    }

    /** The smallest of the field's numbers. */
    public static Aggregation min(String field) {
        return new Aggregation("min", Objects.requireNonNull(field), Aggregate::min);
    }

    /** The largest of the field's numbers. */
    public static Aggregation max(String field) {
        return new Aggregation("max", Objects.requireNonNull(field), Aggregate::max);
    }

    @Override
    public String toString() {
        return function + "(" + (field == null ? "*" : field) + ")";
    }
}
