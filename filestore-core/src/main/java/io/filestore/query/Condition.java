package io.filestore.query;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.filestore.internal.index.IndexKeys;
import tools.jackson.databind.JsonNode;

/**
 * A test on a row, built with {@link Where}. Values compare as index keys do ({@link IndexKeys}):
 * {@code 1} equals {@code 1.0}, and a field holding an array matches when any element does.
 * Immutable and thread-safe.
 */
public sealed interface Condition {

    /** Whether the row satisfies the condition. */
    boolean test(Row row);

    /** This condition and the other. */
    default Condition and(Condition other) {
        return Where.and(this, other);
    }

    /** This condition or the other. */
    default Condition or(Condition other) {
        return Where.or(this, other);
    }

    /** A key of the field equals the key. */
    record Equals(String field, Object key) implements Condition {
        public boolean test(Row row) {
            for (Object candidate : row.keys(field)) {
                if (IndexKeys.compare(candidate, key) == 0) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return field + " = " + show(key);
        }
    }

    /** A key of the field is one of the keys. */
    record In(String field, Set<Object> keys) implements Condition {
        public boolean test(Row row) {
            for (Object candidate : row.keys(field)) {
                if (keys.contains(candidate)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return field + " in [" + keys.stream().map(Condition::show).collect(Collectors.joining(", ")) + "]";
        }
    }

    /**
     * A key of the field lies between the bounds; a {@code null} bound is open. Only keys of the bounds'
     * type match (numbers with numbers, strings with strings), so {@code total > 10} never matches text.
     */
    record Range(String field, @Nullable Object from, boolean fromInclusive, @Nullable Object to, boolean toInclusive) implements Condition {
        public boolean test(Row row) {
            Object type = from != null ? from : to;
            for (Object candidate : row.keys(field)) {
                if (IndexKeys.sameType(candidate, type) && above(candidate) && below(candidate)) {
                    return true;
                }
            }
            return false;
        }

        private boolean above(Object key) {
            if (from == null) {
                return true;
            }
            int c = IndexKeys.compare(key, from);
            return fromInclusive ? c >= 0 : c > 0;
        }

        private boolean below(Object key) {
            if (to == null) {
                return true;
            }
            int c = IndexKeys.compare(key, to);
            return toInclusive ? c <= 0 : c < 0;
        }

        @Override
        public String toString() {
            if (from != null && to != null) {
                return field + " in " + (fromInclusive ? "[" : "(") + show(from) + ", " + show(to) + (toInclusive ? "]" : ")");
            }
            return from != null ? field + (fromInclusive ? " >= " : " > ") + show(from)
                    : field + (toInclusive ? " <= " : " < ") + show(to);
        }
    }

    /** A string key of the field starts with the prefix (case-sensitive). */
    record Prefix(String field, String prefix) implements Condition {
        public boolean test(Row row) {
            for (Object candidate : row.keys(field)) {
                if (candidate instanceof String s && s.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return field + " starts with " + show(prefix);
        }
    }

    /**
     * The field holds a JSON object or array equal to the value, member by member (numbers by value,
     * as keys compare), or is an array with such an element: the equality of embedded documents.
     */
    record SameDocument(String field, JsonNode value) implements Condition {
        private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
            if (a.isNumber() && b.isNumber()) {
                return IndexKeys.compare(IndexKeys.of(a), IndexKeys.of(b));
            }
            return a.equals(b) ? 0 : 1;
        };

        public boolean test(Row row) {
            for (JsonNode candidate : row.values(field)) {
                if (same(candidate)) {
                    return true;
                }
                if (candidate.isArray() && !value.isArray()) {
                    for (JsonNode element : candidate) {
                        if (same(element)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        private boolean same(JsonNode candidate) {
            return candidate.equals(NUMBERS_BY_VALUE, value);
        }

        @Override
        public String toString() {
            return field + " = " + value;
        }
    }

    /** The field is a string holding the text, or an array with an element equal to the key. */
    record Contains(String field, Object key) implements Condition {
        public boolean test(Row row) {
            for (JsonNode value : row.values(field)) {
                if (value.isArray()) {
                    for (JsonNode element : value) {
                        Object elementKey = IndexKeys.of(element);
                        if (elementKey != null && IndexKeys.compare(elementKey, key) == 0) {
                            return true;
                        }
                    }
                } else if (value.isString() && key instanceof String text && value.stringValue().contains(text)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return field + " contains " + show(key);
        }
    }

    /** A string key of the field matches the whole pattern. */
    record Matches(String field, Pattern pattern) implements Condition {
        public boolean test(Row row) {
            for (Object candidate : row.keys(field)) {
                if (candidate instanceof String s && pattern.matcher(s).matches()) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return field + " matches /" + pattern + "/";
        }
    }

    /**
     * The field holds an empty string, an empty array or an empty object; a missing or null field is not
     * empty (it holds nothing at all), and neither is an array holding an empty string.
     */
    record Empty(String field) implements Condition {
        public boolean test(Row row) {
            for (JsonNode value : row.values(field)) {
                if (value.isString() ? value.stringValue().isEmpty() : value.isContainer() && value.size() == 0) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return field + " is empty";
        }
    }

    /** The field is missing or JSON null. */
    record IsNull(String field) implements Condition {
        public boolean test(Row row) {
            for (JsonNode value : row.values(field)) {
                if (!value.isNull()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return field + " is null";
        }
    }

    /** The condition does not hold. */
    record Not(Condition condition) implements Condition {
        public boolean test(Row row) {
            return !condition.test(row);
        }

        @Override
        public String toString() {
            return "not (" + condition + ")";
        }
    }

    /** Every condition holds (true when there is none). */
    record And(List<Condition> conditions) implements Condition {
        public And {
            conditions = List.copyOf(conditions);
        }

        public boolean test(Row row) {
            for (Condition condition : conditions) {
                if (!condition.test(row)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return conditions.isEmpty() ? "true"
                    : conditions.stream().map(c -> wrap(c, Or.class)).collect(Collectors.joining(" and "));
        }
    }

    /** Some condition holds (false when there is none). */
    record Or(List<Condition> conditions) implements Condition {
        public Or {
            conditions = List.copyOf(conditions);
        }

        public boolean test(Row row) {
            for (Condition condition : conditions) {
                if (condition.test(row)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return conditions.isEmpty() ? "false"
                    : conditions.stream().map(c -> wrap(c, And.class)).collect(Collectors.joining(" or "));
        }
    }

    private static String show(Object key) {
        return key instanceof String s ? '"' + s + '"' : String.valueOf(key);
    }

    private static String wrap(Condition condition, Class<?> other) {
        return other.isInstance(condition) ? "(" + condition + ")" : condition.toString();
    }
}
