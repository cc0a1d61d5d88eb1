package io.filestore.benchmarks.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.filestore.json.Json;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON that JMH writes ({@code -rf json}: an array of results) into {@link Measurement}s.
 * Throughput and average-time results become operations per second, from the median of their
 * iteration scores ({@code primaryMetric.rawData}); single-shot results become milliseconds per
 * operation, from their p50. Other modes are skipped.
 */
public final class JmhResults {

    private static final String PACKAGE = "io.filestore.benchmarks.";

    private JmhResults() {
    }

    /** The measurements of a JMH JSON file; empty for an empty array. */
    public static List<Measurement> read(Path json) {
        return parse(Json.defaultMapper().readTree(json.toFile()));
    }

    /** The measurements of JMH JSON already parsed. */
    public static List<Measurement> parse(JsonNode results) {
        List<Measurement> measurements = new ArrayList<>();
        for (JsonNode result : results) {
            Measurement measurement = measurement(result);
            if (measurement != null) {
                measurements.add(measurement);
            }
        }
        return measurements;
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
            case "ss" -> new Measurement(benchmark, params,
                    secondsPer(metric.get("scorePercentiles").get("50.0").asDouble(), unit) * 1000, "ms", false);
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
