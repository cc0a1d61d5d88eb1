package io.filestore.benchmarks.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import io.filestore.FileStoreOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the JSON that JMH writes ({@code -rf json}: an array of results) into {@link Measurement}s.
 * Throughput and average-time results become operations per second, from the median of their
 * iteration scores ({@code primaryMetric.rawData}, every fork together); single-shot results become
 * milliseconds per operation, from the median of their shots. Each also carries the range of its
 * forks: the lowest and highest of the forks' own medians. A throughput result's secondary rates
 * (JMH aux counters of type {@code OPERATIONS}, such as the sustained inserts' {@code inserts}) become
 * measurements of their own, named {@code Class.method:counter}. Other modes and metrics are skipped.
 */
public final class JmhResults {

    private static final String PACKAGE = "io.filestore.benchmarks.";

    private JmhResults() {
    }

    /** The measurements of a JMH JSON file; empty for an empty array. */
    public static List<Measurement> read(Path json) {
        return parse(FileStoreOptions.defaultJsonMapper().readTree(json.toFile()));
    }

    /** The measurements of JMH JSON already parsed. */
    public static List<Measurement> parse(JsonNode results) {
        List<Measurement> measurements = new ArrayList<>();
        for (JsonNode result : pooled(results)) {
            String benchmark = name(result);
            Map<String, String> params = params(result);
            String mode = result.get("mode").stringValue();
            Measurement primary = measurement(benchmark, params, mode, result.get("primaryMetric"));
            if (primary != null) {
                measurements.add(primary);
            }
            if (mode.equals("thrpt")) {
                result.path("secondaryMetrics").properties().stream()
                        .filter(metric -> isRate(metric.getKey(), metric.getValue()))
                        .forEach(metric -> measurements.add(measurement(benchmark + ":" + metric.getKey(), params,
                                mode, metric.getValue())));
            }
        }
        return measurements;
    }

    /**
     * The results with every benchmark that ran more than once with the same parameters (the suite's
     * second round of the durable inserts and of the flush) merged into one, whose forks are all of
     * theirs: its median then spans both rounds, minutes apart, so one slow minute of the disk weighs
     * half as much.
     */
    private static List<JsonNode> pooled(JsonNode results) {
        Map<String, ObjectNode> byRun = new LinkedHashMap<>();
        for (JsonNode result : results) {
            String key = result.get("benchmark").stringValue() + " " + result.get("mode").stringValue() + " "
                    + result.get("params");
            ObjectNode first = byRun.get(key);
            if (first == null) {
                byRun.put(key, (ObjectNode) result.deepCopy());
            } else {
                addForks(first.get("primaryMetric"), result.get("primaryMetric"));
                result.path("secondaryMetrics").properties().forEach(metric -> {
                    JsonNode pooledMetric = first.path("secondaryMetrics").get(metric.getKey());
                    if (pooledMetric != null) {
                        addForks(pooledMetric, metric.getValue());
                    }
                });
            }
        }
        return new ArrayList<>(byRun.values());
    }

    private static void addForks(JsonNode into, JsonNode from) {
        ArrayNode forks = (ArrayNode) into.get("rawData");
        from.get("rawData").forEach(forks::add);
    }

    private static String name(JsonNode result) {
        String benchmark = result.get("benchmark").stringValue();
        return benchmark.startsWith(PACKAGE) ? benchmark.substring(PACKAGE.length()) : benchmark;
    }

    private static Map<String, String> params(JsonNode result) {
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode declared = result.get("params");
        if (declared != null) {
            declared.properties().forEach(param -> params.put(param.getKey(), param.getValue().asString()));
        }
        return params;
    }

    /** An aux counter's rate: not a profiler's metric ({@code ·gc...}), and per unit of time, not a count. */
    private static boolean isRate(String name, JsonNode metric) {
        return !name.startsWith("·") && metric.path("scoreUnit").asString().startsWith("ops/");
    }

    private static Measurement measurement(String benchmark, Map<String, String> params, String mode,
                                           JsonNode metric) {
        String unit = metric.get("scoreUnit").stringValue();
        return switch (mode) {
            case "thrpt" -> spread(benchmark, params, metric, rate -> perSecond(rate, unit), "ops/s", true);
            case "avgt" -> spread(benchmark, params, metric, time -> 1 / secondsPer(time, unit), "ops/s", true);
            case "ss" -> spread(benchmark, params, metric, time -> secondsPer(time, unit) * 1000, "ms", false);
            default -> null;
        };
    }

    /** The median of every score and the range of the forks' medians, each through {@code toUnit}. */
    private static Measurement spread(String benchmark, Map<String, String> params, JsonNode metric,
                                      DoubleUnaryOperator toUnit, String unit, boolean higherIsBetter) {
        double median = toUnit.applyAsDouble(median(metric));
        List<Double> forkMedians = new ArrayList<>();
        for (JsonNode fork : metric.get("rawData")) {
            if (!fork.isEmpty()) {
                forkMedians.add(toUnit.applyAsDouble(median(scores(fork))));
            }
        }
        if (forkMedians.isEmpty()) {
            return new Measurement(benchmark, params, median, unit, higherIsBetter);
        }
        double low = forkMedians.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double high = forkMedians.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return new Measurement(benchmark, params, median, unit, higherIsBetter, forkMedians.size(), low, high);
    }

    /** The median of every iteration score of every fork; JMH's score when there are none. */
    static double median(JsonNode metric) {
        List<Double> scores = new ArrayList<>();
        for (JsonNode fork : metric.get("rawData")) {
            scores.addAll(scores(fork));
        }
        return scores.isEmpty() ? metric.get("score").asDouble() : median(scores);
    }

    private static List<Double> scores(JsonNode fork) {
        List<Double> scores = new ArrayList<>();
        fork.forEach(iteration -> scores.add(iteration.asDouble()));
        return scores;
    }

    private static double median(List<Double> scores) {
        double[] sorted = scores.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** A rate in {@code unit} ({@code ops/s}, {@code ops/ms}, ...) as operations per second. */
    private static double perSecond(double rate, String unit) {
        return rate / secondsPer(1, unit.substring(unit.indexOf('/') + 1));
    }

    /** A time per operation in {@code unit} ({@code us/op}, {@code ms/op}, ...) in seconds. */
    private static double secondsPer(double time, String unit) {
        String timeUnit = unit.contains("/op") ? unit.substring(0, unit.indexOf('/')) : unit;
        return switch (timeUnit) {
            case "s" -> time;
            case "ms" -> time / 1e3;
            case "us" -> time / 1e6;
            case "ns" -> time / 1e9;
            case "min" -> time * 60;
            default -> throw new IllegalArgumentException("unknown JMH unit " + unit);
        };
    }
}
