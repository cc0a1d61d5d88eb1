package io.filestore.internal.index;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Index keys: the scalar JSON values a field can be indexed by, as plain Java values.
 *
 * <p>A key is a {@link Boolean}, a number or a {@link String}. A number key stands for the exact
 * value it was written as, in one canonical form, so equal values are equal keys (same
 * {@code equals} and {@code hashCode}) and different values never are:
 * <ul>
 *   <li>a {@link Long} for every integral value that fits ({@code 1}, {@code 1.0} and {@code 1E0} are one key);</li>
 *   <li>a {@link Double} for a value that is the shortest decimal form of a double
 *       ({@link BigDecimal#valueOf(double)}), which covers the decimals people and programs usually write;
 *       the key stands for that decimal ({@code 0.1}), not for the double's binary value;</li>
 *   <li>a {@link BigDecimal} without trailing zeros for any other value (beyond the long range, or with
 *       more digits than a double holds), so {@code 2^64} and {@code 2^64 + 1} stay two keys.</li>
 * </ul>
 * A Java {@code NaN} or infinity given in a lookup stays a {@code Double} and orders as
 * {@link Double#compare} does: negative infinity first, then every finite number, positive
 * infinity, NaN. JSON null, objects and missing fields are not indexed. Keys order as booleans,
 * then numbers by value, then strings by UTF-16 code unit ({@link String#compareTo}).
 */
public final class IndexKeys {

    /** The total order of keys across types. */
    public static final Comparator<Object> ORDER = IndexKeys::compare;

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private IndexKeys() {
    }

    /** The key of a scalar JSON node, or {@code null} when the node is not indexable. */
    public static @Nullable Object of(@Nullable JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            if (node.isIntegralNumber() && node.canConvertToLong()) {
                return node.longValue();
            }
            return ofNumber(node.decimalValue());
        }
        return null;
    }

    /**
     * The key of a Java value given in a lookup: strings, booleans, numbers and enums directly, anything
     * else through its JSON form (a UUID or an {@code Instant} becomes its string).
     *
     * @return the key, or {@code null} when the value cannot be a key
     */
    public static @Nullable Object ofJava(@Nullable Object value, Function<Object, JsonNode> toTree) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? ofNumber(BigDecimal.valueOf(d)) : d;
        }
        if (value instanceof BigDecimal decimal) {
            return ofNumber(decimal);
        }
        if (value instanceof BigInteger integer) {
            return ofNumber(new BigDecimal(integer));
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof JsonNode node) {
            return of(node);
        }
        return of(toTree.apply(value));
    }

    /** Compares two keys in the index order. */
    public static int compare(Object a, Object b) {
        if (a instanceof String s && b instanceof String t) {
            return s.compareTo(t); // the common case first: sorting a string index at open is mostly this
        }
        int byRank = Integer.compare(rank(a), rank(b));
        if (byRank != 0) {
            return byRank;
        }
        if (a instanceof String s) {
            return s.compareTo((String) b);
        }
        if (a instanceof Boolean x) {
            return Boolean.compare(x, (Boolean) b);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return Long.compare(x, y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.compare(x, y); // the same order as their decimals: each lies in its own double's rounding interval
        }
        int byFiniteness = Integer.compare(nonFiniteRank(a), nonFiniteRank(b));
        if (byFiniteness != 0 || nonFiniteRank(a) != 0) {
            return byFiniteness;
        }
        return toDecimal(a).compareTo(toDecimal(b));
    }

    /** Whether two keys are of one type (both booleans, both numbers or both strings), so comparing them means something. */
    public static boolean sameType(Object a, Object b) {
        return rank(a) == rank(b);
    }

    /** The canonical key of an exact value: see the class comment. */
    private static Object ofNumber(BigDecimal decimal) {
        if (decimal.signum() == 0) {
            return 0L;
        }
        BigDecimal stripped = decimal.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.compareTo(LONG_MIN) >= 0 && stripped.compareTo(LONG_MAX) <= 0) {
            return stripped.longValueExact();
        }
        double d = stripped.doubleValue();
        if (Double.isFinite(d) && BigDecimal.valueOf(d).compareTo(stripped) == 0) {
            return d;
        }
        return stripped;
    }

    private static int rank(Object key) {
        if (key instanceof Boolean) {
            return 0;
        }
        if (key instanceof Number) {
            return 1;
        }
        return 2;
    }

    /** -1 for negative infinity, 0 for finite numbers, 1 for positive infinity, 2 for NaN. */
    private static int nonFiniteRank(Object number) {
        if (number instanceof Double d && !Double.isFinite(d)) {
            return Double.isNaN(d) ? 2 : d > 0 ? 1 : -1;
        }
        return 0;
    }

    /** The exact value a finite number key stands for. */
    private static BigDecimal toDecimal(Object number) {
        if (number instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (number instanceof Double d) {
            return BigDecimal.valueOf(d);
        }
        return (BigDecimal) number;
    }
}
