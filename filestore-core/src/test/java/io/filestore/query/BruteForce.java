package io.filestore.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * A second, deliberately naive implementation of the documented query semantics over top-level
 * fields, to check the engine against: every predicate is a lambda over the record's plain values.
 */
final class BruteForce {

    /** A condition as the engine sees it and as the brute force evaluates it. */
    record Pair(Condition condition, Predicate<Map.Entry<String, JsonNode>> test, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    private BruteForce() {
    }

    /** The scalar values of a top-level field, array elements included; nulls left out. */
    static List<Object> values(JsonNode record, String field) {
        List<Object> out = new ArrayList<>();
        JsonNode node = record.get(field);
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(element -> add(element, out));
        } else {
            add(node, out);
        }
        return out;
    }

    private static void add(JsonNode node, List<Object> out) {
        if (node.isNumber()) {
            out.add(node.decimalValue());
        } else if (node.isString()) {
            out.add(node.stringValue());
        } else if (node.isBoolean()) {
            out.add(node.booleanValue());
        }
    }

    static Object normalize(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return value;
    }

    static int rank(Object value) {
        return value instanceof Boolean ? 0 : value instanceof BigDecimal ? 1 : 2;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        int byRank = Integer.compare(rank(a), rank(b));
        return byRank != 0 ? byRank : ((Comparable) a).compareTo(b);
    }

    static boolean same(Object a, Object b) {
        return rank(a) == rank(b) && compare(a, b) == 0;
    }

    static Pair eq(String field, Object value) {
        Object v = normalize(value);
        return new Pair(Where.eq(field, value), e -> values(e.getValue(), field).stream().anyMatch(x -> same(x, v)),
                field + "=" + value);
    }

    static Pair in(String field, List<Object> options) {
        List<Object> vs = options.stream().map(BruteForce::normalize).toList();
        return new Pair(Where.in(field, options),
                e -> values(e.getValue(), field).stream().anyMatch(x -> vs.stream().anyMatch(v -> same(x, v))),
                field + " in " + options);
    }

    static Pair range(String field, Object from, boolean fromIn, Object to, boolean toIn) {
        Object lo = normalize(from);
        Object hi = normalize(to);
        Object type = lo != null ? lo : hi;
        return new Pair(Where.range(field, from, fromIn, to, toIn), e -> values(e.getValue(), field).stream().anyMatch(x ->
                rank(x) == rank(type)
                        && (lo == null || (fromIn ? compare(x, lo) >= 0 : compare(x, lo) > 0))
                        && (hi == null || (toIn ? compare(x, hi) <= 0 : compare(x, hi) < 0))),
                field + " range " + from + ".." + to);
    }

    static Pair startsWith(String field, String prefix) {
        return new Pair(Where.startsWith(field, prefix), e -> values(e.getValue(), field).stream()
                .anyMatch(x -> x instanceof String s && s.startsWith(prefix)), field + " startsWith " + prefix);
    }

    static Pair endsWith(String field, String suffix) {
        return new Pair(Where.endsWith(field, suffix), e -> values(e.getValue(), field).stream()
                .anyMatch(x -> x instanceof String s && s.endsWith(suffix)), field + " endsWith " + suffix);
    }

    static Pair equalsIgnoreCase(String field, String text) {
        return new Pair(Where.equalsIgnoreCase(field, text), e -> values(e.getValue(), field).stream()
                .anyMatch(x -> x instanceof String s && s.equalsIgnoreCase(text)), field + " ~= " + text);
    }

    static Pair matches(String field, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return new Pair(Where.matches(field, pattern), e -> values(e.getValue(), field).stream()
                .anyMatch(x -> x instanceof String s && pattern.matcher(s).matches()), field + " ~ " + regex);
    }

    static Pair contains(String field, Object value) {
        Object v = normalize(value);
        return new Pair(Where.contains(field, value), e -> {
            JsonNode node = e.getValue().get(field);
            if (node == null) {
                return false;
            }
            if (node.isArray()) {
                return values(e.getValue(), field).stream().anyMatch(x -> same(x, v));
            }
            return node.isString() && v instanceof String s && node.stringValue().contains(s);
        }, field + " contains " + value);
    }

    static Pair isNull(String field) {
        return new Pair(Where.isNull(field), e -> {
            JsonNode node = e.getValue().get(field);
            return node == null || node.isNull();
        }, field + " is null");
    }

    static Pair isNotNull(String field) {
        Pair isNull = isNull(field);
        return new Pair(Where.isNotNull(field), isNull.test.negate(), field + " is not null");
    }

    static Pair ne(String field, Object value) {
        Pair eq = eq(field, value);
        return new Pair(Where.ne(field, value), eq.test.negate(), field + "!=" + value);
    }

    static Pair not(Pair pair) {
        return new Pair(Where.not(pair.condition), pair.test.negate(), "not(" + pair + ")");
    }

    static Pair and(Pair a, Pair b) {
        return new Pair(Where.and(a.condition, b.condition), a.test.and(b.test), "(" + a + " and " + b + ")");
    }

    static Pair or(Pair a, Pair b) {
        return new Pair(Where.or(a.condition, b.condition), a.test.or(b.test), "(" + a + " or " + b + ")");
    }

    /** The documented order: smallest value ascending, largest descending, missing last ascending, then id. */
    static Comparator<Map.Entry<String, JsonNode>> order(String field, boolean ascending) {
        Comparator<Map.Entry<String, JsonNode>> byField = (x, y) -> {
            Object a = sortKey(x.getValue(), field, ascending);
            Object b = sortKey(y.getValue(), field, ascending);
            int c = a == null || b == null ? (Objects.equals(a, b) ? 0 : a == null ? 1 : -1) : compare(a, b);
            return ascending ? c : -c;
        };
        return byField.thenComparing(Map.Entry::getKey);
    }

    private static Object sortKey(JsonNode record, String field, boolean ascending) {
        Object best = null;
        for (Object value : values(record, field)) {
            if (best == null || (ascending ? compare(value, best) < 0 : compare(value, best) > 0)) {
                best = value;
            }
        }
        return best;
    }
}
