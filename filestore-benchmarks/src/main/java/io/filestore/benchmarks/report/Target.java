package io.filestore.benchmarks.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One performance target: a FileStore result against a reference (a peer, the raw limit, an earlier
 * run of the same benchmark) or against a fixed figure, judged on the medians.
 *
 * @param name      the target in words, as the issue states it
 * @param raised    true for a target still to reach, false for one already met that must hold
 * @param measured  FileStore's result
 * @param reference what it is compared with; null for a fixed figure ({@code limit} in the measured unit)
 * @param inverted  whether the ratio is reference / FileStore (a "within 1.3x of the raw loop" target on
 *                  rates) rather than FileStore / reference
 * @param atLeast   whether the ratio must be at least {@code limit} (otherwise at most)
 * @param limit     the figure the ratio is held to
 */
record Target(String name, boolean raised, Side measured, @Nullable Side reference, boolean inverted, boolean atLeast,
              double limit) {

    /**
     * One side of a target: a benchmark result with some of its parameters.
     *
     * @param label    the side in words
     * @param baseline whether it is read from the baseline run ({@code baseline-jmh-results.json}) rather
     *                 than this one
     */
    record Side(String label, String benchmark, Map<String, String> params, boolean baseline) {

        /** A side of this run: {@code params} are key, value, key, value... */
        static Side of(String label, String benchmark, String... params) {
            return new Side(label, benchmark, pairs(params), false);
        }

        /** The same result in the baseline run. */
        Side inBaseline() {
            return new Side(label + ", baseline run", benchmark, params, true);
        }

        private static Map<String, String> pairs(String... params) {
            Map<String, String> pairs = new LinkedHashMap<>();
            for (int i = 0; i + 1 < params.length; i += 2) {
                pairs.put(params[i], params[i + 1]);
            }
            return pairs;
        }
    }

    /** FileStore at least {@code factor} times the reference's rate (or, for times, at most {@code factor} times its time). */
    static Target atLeast(String name, boolean raised, Side measured, Side reference, double factor) {
        return new Target(name, raised, measured, reference, false, true, factor);
    }

    /** FileStore's time at most {@code factor} times the reference's. */
    static Target atMost(String name, boolean raised, Side measured, Side reference, double factor) {
        return new Target(name, raised, measured, reference, false, false, factor);
    }

    /** FileStore's rate within {@code factor} of the reference's: reference / FileStore at most {@code factor}. */
    static Target within(String name, boolean raised, Side measured, Side reference, double factor) {
        return new Target(name, raised, measured, reference, true, false, factor);
    }

    /** FileStore's figure itself at most {@code limit} (bytes, milliseconds). */
    static Target atMostFigure(String name, boolean raised, Side measured, double limit) {
        return new Target(name, raised, measured, null, false, false, limit);
    }

    /** The ratio (or the figure) of these medians. */
    double ratio(Measurement fileStore, @Nullable Measurement other) {
        if (other == null) {
            return fileStore.median();
        }
        return inverted ? other.median() / fileStore.median() : fileStore.median() / other.median();
    }

    /** Whether {@code ratio} meets the target. */
    boolean met(double ratio) {
        return atLeast ? ratio >= limit : ratio <= limit;
    }

    /** What the ratio is, in words: "FileStore / SQLite", "raw I/O limit / FileStore", or "FileStore". */
    String ratioName() {
        if (reference == null) {
            return "FileStore";
        }
        return inverted ? reference.label() + " / FileStore" : "FileStore / " + reference.label();
    }

    /** The condition, such as "≥ 3" or "≤ 500". */
    String condition() {
        return (atLeast ? "≥ " : "≤ ") + String.format(Locale.ROOT, limit == Math.rint(limit) ? "%,.0f" : "%.2f", limit);
    }
}
