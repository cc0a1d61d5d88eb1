package io.filestore.benchmarks.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.filestore.FileStoreOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the JSON that JMH writes ({@code -rf json}: an array of results) into {@link Measurement}s.
 * Throughput and average-time results become operations per second, from the median of their
 * iteration scores ({@code primaryMetric.rawData}); single-shot results become milliseconds per
 * operation, from the median of their shots (JMH's p50). Other modes are skipped.
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
            Measurement measurement = measurement(result);
            if (measurement != null) {
                measurements.add(measurement);
            }
        }
        return measurements;
    }

    /**
     * The results with every benchmark that ran more than once with the same parameters (the suite's
     * second round of the durable inserts and of the flush) merged into one, whose iteration scores
     * (or shots) are all of theirs: its median then spans both rounds, minutes apart, so one slow
     * minute of the disk weighs half as much.
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
                ArrayNode forks = (ArrayNode) first.get("primaryMetric").get("rawData");
                result.get("primaryMetric").get("rawData").forEach(forks::add);
            }
        }
        return new ArrayList<>(byRun.values());
    }

    private static Measurement measurement(JsonNode result) {
        String benchmark = result.get("benchmark").stringValue();
        if (benchmark.startsWith(PACKAGE)) {
            benchmark = benchmark.substring(PACKAGE.length());
        }
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode declared = result.get("params");
        if (declared != null) {
            declared.properties().forEach(param -> params.put(param.getKey(), param.getValue().asString()));
        }
        JsonNode metric = result.get("primaryMetric");
        String unit = metric.get("scoreUnit").stringValue();
        return switch (result.get("mode").stringValue()) {
            case "thrpt" -> new Measurement(benchmark, params, perSecond(median(metric), unit), "ops/s", true);
            case "avgt" -> new Measurement(benchmark, params, 1 / secondsPer(median(metric), unit), "ops/s", true);
            case "ss" -> new Measurement(benchmark, params, secondsPer(median(metric), unit) * 1000, "ms", false);
            default -> null;
        };
    }

    /** The median of every iteration score of every fork. */
    static double median(JsonNode metric) {
        List<Double> scores = new ArrayList<>();
        for (JsonNode fork : metric.get("rawData")) {
            for (JsonNode iteration : fork) {
                scores.add(iteration.asDouble());
            }
        }
        if (scores.isEmpty()) {
            return metric.get("score").asDouble();
        }
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
