package io.filestore.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.filestore.internal.index.IndexKeys;
import io.filestore.internal.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Builds {@link Condition}s. Values are strings, numbers, booleans, enums (by name), or anything
 * Jackson maps to one of those (a UUID or an {@code Instant} becomes its string). Field paths are
 * dotted ({@code address.city}); a join's alias starts a path into the joined records
 * ({@code user.email}); {@code id} is the record id.
 */
public final class Where {

    private Where() {
    }

    /**
     * The field equals the value (holds it, for an array); {@code null} means {@link #isNull}, and an
     * object (a JSON object, or a Java object that maps to one) compares as a whole embedded document.
     */
    public static Condition eq(String field, @Nullable Object value) {
        Object key = key(value);
        if (key != null) {
            return new Condition.Equals(field, key);
        }
        JsonNode tree = value == null ? null : value instanceof JsonNode node ? node : Json.defaultMapper().valueToTree(value);
        if (tree == null || tree.isNull()) {
            return isNull(field);
        }
        if (tree.isContainer()) {
            return new Condition.SameDocument(field, tree);
        }
        throw new IllegalArgumentException("Not a value a field can be compared with: " + value);
    }

    /** The field does not equal the value (missing fields included). */
    public static Condition ne(String field, Object value) {
        return not(eq(field, value));
    }

    /**
     * The field equals one of the values; a {@code null} among them matches a missing or null field, and
     * a JSON object or array an equal embedded document.
     */
    public static Condition in(String field, Collection<?> values) {
        Set<Object> keys = new LinkedHashSet<>();
        List<Condition> others = new ArrayList<>();
        for (Object value : values) {
            Object key = key(value);
            if (key != null) {
                keys.add(key);
            } else {
                others.add(eq(field, value));
            }
        }
        if (others.isEmpty()) {
            return new Condition.In(field, keys);
        }
        others.add(0, new Condition.In(field, keys));
        return or(others.toArray(Condition[]::new));
    }

    /** The field equals one of the values. */
    public static Condition in(String field, Object... values) {
        return in(field, Arrays.asList(values));
    }

    /** The field equals none of the values. */
    public static Condition notIn(String field, Collection<?> values) {
        return not(in(field, values));
    }

    /** The field is greater than the value (of the same type). */
    public static Condition gt(String field, Object value) {
        return new Condition.Range(field, required(value), false, null, false);
    }

    /** The field is greater than or equal to the value. */
    public static Condition gte(String field, Object value) {
        return new Condition.Range(field, required(value), true, null, false);
    }

    /** The field is less than the value. */
    public static Condition lt(String field, Object value) {
        return new Condition.Range(field, null, false, required(value), false);
    }

    /** The field is less than or equal to the value. */
    public static Condition lte(String field, Object value) {
        return new Condition.Range(field, null, false, required(value), true);
    }

    /** The field lies between the values, both included. */
    public static Condition between(String field, Object from, Object to) {
        return range(field, from, true, to, true);
    }

    /** The field lies between the values; a {@code null} bound is open (not both). */
    public static Condition range(String field, @Nullable Object from, boolean fromInclusive, @Nullable Object to, boolean toInclusive) {
        Object low = key(from);
        Object high = key(to);
        if (low == null && high == null) {
            throw new IllegalArgumentException("A range on " + field + " needs at least one bound");
        }
        if (low != null && high != null && !IndexKeys.sameType(low, high)) {
            throw new IllegalArgumentException("The bounds of a range on " + field + " must be of one type: " + from
                    + ", " + to);
        }
        return new Condition.Range(field, low, fromInclusive, high, toInclusive);
    }

    /** The field is a string that starts with the prefix (case-sensitive; an index can answer it). */
    public static Condition startsWith(String field, String prefix) {
        return new Condition.Prefix(field, Objects.requireNonNull(prefix, "prefix"));
    }

    /** The field is a string that ends with the suffix. */
    public static Condition endsWith(String field, String suffix) {
        return matches(field, Pattern.compile(".*" + Pattern.quote(suffix), Pattern.DOTALL));
    }

    /** The field is a string containing the text, or an array holding the value. */
    public static Condition contains(String field, Object value) {
        return new Condition.Contains(field, required(value));
    }

    /** The field is a string that matches the whole regular expression. */
    public static Condition matches(String field, Pattern pattern) {
        return new Condition.Matches(field, pattern);
    }

    /** The field equals the text, ignoring case. */
    public static Condition equalsIgnoreCase(String field, String text) {
        return matches(field, Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** The field is missing or JSON null. */
    public static Condition isNull(String field) {
        return new Condition.IsNull(field);
    }

    /**
     * The field holds an empty string, array or object ({@code ""}, {@code []}, <code>{}</code>); a missing
     * or null field is not empty. No index answers it: it scans.
     */
    public static Condition isEmpty(String field) {
        return new Condition.Empty(field);
    }

    /** The field holds something other than JSON null. */
    public static Condition isNotNull(String field) {
        return not(isNull(field));
    }

    /** The condition does not hold. */
    public static Condition not(Condition condition) {
        return new Condition.Not(Objects.requireNonNull(condition, "condition"));
    }

    /** Every condition holds; nested ands are flattened. */
    public static Condition and(Condition... conditions) {
        List<Condition> all = new ArrayList<>();
        for (Condition condition : conditions) {
            if (condition instanceof Condition.And and) {
                all.addAll(and.conditions());
            } else {
                all.add(Objects.requireNonNull(condition, "condition"));
            }
        }
        return all.size() == 1 ? all.get(0) : new Condition.And(all);
    }

    /** Some condition holds; nested ors are flattened. */
    public static Condition or(Condition... conditions) {
        List<Condition> all = new ArrayList<>();
        for (Condition condition : conditions) {
            if (condition instanceof Condition.Or or) {
                all.addAll(or.conditions());
            } else {
                all.add(Objects.requireNonNull(condition, "condition"));
            }
        }
        return all.size() == 1 ? all.get(0) : new Condition.Or(all);
    }

    /** The index key of a Java value, or {@code null}. */
    static @Nullable Object key(@Nullable Object value) {
        return IndexKeys.ofJava(value, Json.defaultMapper()::valueToTree);
    }

    private static Object required(Object value) {
        Object key = key(value);
        if (key == null) {
            throw new IllegalArgumentException("Not a value a field can be compared with: " + value);
        }
        return key;
    }
}
