package io.filestore.benchmarks.report;

import java.util.Map;

/**
 * The median of one JMH result (one benchmark method with one set of parameters), in a unit where
 * bigger or smaller is better as {@link #higherIsBetter()} says.
 *
 * @param benchmark      the JMH name without the package, {@code Class.method}
 * @param params         the JMH parameters of the result; empty when it has none
 * @param median         the median: of the iteration scores for throughput and average-time
 *                       results, the p50 for single-shot ones
 * @param unit           the unit of {@code median}: {@code ops/s}, {@code ms} (per operation) or
 *                       {@code B} (bytes per record)
 * @param higherIsBetter true for rates, false for times and sizes
 */
public record Measurement(String benchmark, Map<String, String> params, double median, String unit,
                          boolean higherIsBetter) {

    /** Whether this result is of {@code benchmark} and has every one of {@code wanted} parameters. */
    public boolean matches(String benchmark, Map<String, String> wanted) {
        return this.benchmark.equals(benchmark) && params.entrySet().containsAll(wanted.entrySet());
    }

    /** How many times as fast (or as small) this is as {@code other}: above 1, this one is better. */
    public double advantageOver(Measurement other) {
        return higherIsBetter ? median / other.median : other.median / median;
    }
}
