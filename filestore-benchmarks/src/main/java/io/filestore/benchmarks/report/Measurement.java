package io.filestore.benchmarks.report;

import java.util.Map;

/**
 * The median of one JMH result (one benchmark method with one set of parameters), in a unit where
 * bigger or smaller is better as {@link #higherIsBetter()} says, with the spread of its forks.
 *
 * @param benchmark      the JMH name without the package, {@code Class.method}; a secondary result
 *                       (a JMH aux counter) is {@code Class.method:counter}
 * @param params         the JMH parameters of the result; empty when it has none
 * @param median         the median: of the iteration scores (or shots) of every fork together
 * @param unit           the unit of {@code median}: {@code ops/s}, {@code ms} (per operation) or
 *                       {@code B} (bytes per record)
 * @param higherIsBetter true for rates, false for times and sizes
 * @param forks          how many forks (JVMs) measured it, over every round; 1 for a size
 * @param low            the lowest of the forks' own medians, in {@code unit}
 * @param high           the highest of the forks' own medians, in {@code unit}
 */
public record Measurement(String benchmark, Map<String, String> params, double median, String unit,
                          boolean higherIsBetter, int forks, double low, double high) {

    /** A value measured once (a size, or a result of one fork): no spread. */
    public Measurement(String benchmark, Map<String, String> params, double median, String unit,
                       boolean higherIsBetter) {
        this(benchmark, params, median, unit, higherIsBetter, 1, median, median);
    }

    /** Whether this result is of {@code benchmark} and has every one of {@code wanted} parameters. */
    public boolean matches(String benchmark, Map<String, String> wanted) {
        return this.benchmark.equals(benchmark) && params.entrySet().containsAll(wanted.entrySet());
    }

    /** How many times as fast (or as small) this is as {@code other}: above 1, this one is better. */
    public double advantageOver(Measurement other) {
        return higherIsBetter ? median / other.median : other.median / median;
    }
}
