package io.filestore.aggregate;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * An aggregate that follows a collection one change at a time: {@link #add} for a record's value that
 * appears, {@link #remove} for one that goes. Not thread-safe; {@link LiveAggregates} serializes the calls.
 *
 * <p>Changes committed concurrently on different threads may arrive in any order, so a {@code remove}
 * can come before the {@code add} it cancels: an aggregate must give the same result whatever the
 * order (sums, counts and counted multisets do; a custom one must too).
 * Values are the numbers at the live aggregate's field; records without a number there are not counted
 * (except by {@link #count()}, which counts records).
 */
public interface Aggregate {

    /** A record arrived; {@code value} is its number at the field, or {@code null}. */
    void add(@Nullable Double value);

    /** A record left; {@code value} is its number at the field, or {@code null}. */
    void remove(@Nullable Double value);

    /** The current result; empty when there is none (no numeric values for min, max, avg). */
    OptionalDouble result();

    /** How many records the collection holds. */
    static Aggregate count() {
        return new Aggregate() {
            private long count;

            public void add(Double value) {
                count++;
            }

            public void remove(Double value) {
                count--;
            }

            public OptionalDouble result() {
                return OptionalDouble.of(count);
            }
        };
    }

    /** The sum of the field's numbers (0 when none). */
    static Aggregate sum() {
        return new Sums(false);
    }

    /** The mean of the field's numbers. */
    static Aggregate average() {
        return new Sums(true);
    }

    /** The smallest of the field's numbers. */
    static Aggregate min() {
        return new Extremes(true);
    }

    /** The largest of the field's numbers. */
    static Aggregate max() {
        return new Extremes(false);
    }

    /** Running sum and count of the numbers. */
    final class Sums implements Aggregate {
        private final boolean average;
        private double sum;
        private long count;

        Sums(boolean average) {
            this.average = average;
        }

        public void add(Double value) {
            if (value != null) {
                sum += value;
                count++;
            }
        }

        public void remove(Double value) {
            if (value != null) {
                sum -= value;
                count--;
            }
        }

        public OptionalDouble result() {
            if (!average) {
                return OptionalDouble.of(sum);
            }
            return count == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / count);
        }
    }

    /** A counted multiset of the numbers, so a removal of the extreme finds the next one in O(log n). */
    final class Extremes implements Aggregate {
        private final boolean min;
        private final TreeMap<Double, Integer> counts = new TreeMap<>();

        Extremes(boolean min) {
            this.min = min;
        }

        public void add(Double value) {
            if (value != null) {
                counts.merge(value, 1, (a, b) -> a + b == 0 ? null : a + b);
            }
        }

        public void remove(Double value) {
            if (value != null) {
                // may go below zero for a moment when a removal overtakes its addition
                counts.merge(value, -1, (a, b) -> a + b == 0 ? null : a + b);
            }
        }

        public OptionalDouble result() {
            for (Map.Entry<Double, Integer> entry : min ? counts.entrySet() : counts.descendingMap().entrySet()) {
                if (entry.getValue() > 0) {
                    return OptionalDouble.of(entry.getKey());
                }
            }
            return OptionalDouble.empty();
        }
    }
}
