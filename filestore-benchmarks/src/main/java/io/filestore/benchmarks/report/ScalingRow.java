package io.filestore.benchmarks.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One workload of the scaling page: FileStore's line, the line of the peer or raw limit measured beside
 * it at the same sizes, and how the design says FileStore's cost should grow.
 *
 * @param name         the short name, also the chart's label
 * @param detail       what runs, in a sentence
 * @param design       the growth the design allows; a faster one is flagged
 * @param designReason why the design expects it, in a few words
 * @param cost         what the cost of a point is
 * @param fileStore    FileStore's results
 * @param beside       the peer's or limit's results
 */
record ScalingRow(String name, String detail, Growth design, String designReason, Cost cost, Line fileStore,
                  Line beside) {

    /** What a point's cost is, from its measurement. */
    enum Cost {
        /** Microseconds per operation: a rate's inverse, or a single shot's time. */
        TIME,
        /** Bytes retained in all: the bytes per record times the records. */
        HEAP
    }

    /**
     * The results of one store across the sizes: a benchmark with some of its parameters; each point
     * is the result that also has {@code records} at that size.
     *
     * @param label     the store or limit, as the page names it
     * @param benchmark {@code Class.method}, as {@link Measurement#benchmark()}
     * @param params    the parameters every point has, besides {@code records}
     */
    record Line(String label, String benchmark, Map<String, String> params) {

        /** A line of {@code benchmark} with {@code params} given as key, value, key, value... */
        static Line of(String label, String benchmark, String... params) {
            Map<String, String> wanted = new LinkedHashMap<>();
            for (int i = 0; i + 1 < params.length; i += 2) {
                wanted.put(params[i], params[i + 1]);
            }
            return new Line(label, benchmark, Map.copyOf(wanted));
        }

        /** The parameters of the point at {@code records}. */
        Map<String, String> at(int records) {
            Map<String, String> point = new LinkedHashMap<>(params);
            point.put("records", String.valueOf(records));
            return point;
        }
    }
}
