package io.filestore.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code Suite shared}: the shared-mode measurements of issue 26 one after the other, each JMH class in its
 * own fork with the settings of its annotations, into {@code <folder>/shared-<class>.json}; then
 * {@code SharedPropagationProbe} in a child JVM into {@code propagation.txt}; then {@value #SUMMARY}, the
 * ratios that matter (shared against plain JDBC writes, against local reads, against a local open). About
 * 10 minutes on 2 cores (estimated). Not part of {@code full}: it needs no other store and its figures are not targets.
 */
final class SharedSuite {

    static final String SUMMARY = "shared.md";

    /** The JMH runs: a name and the include pattern, LookupBenchmark at 100k being the local reads to compare with. */
    private static final Map<String, String> RUNS = new LinkedHashMap<>();

    static {
        RUNS.put("writes", "^io.filestore.benchmarks.SharedWriteBenchmark.");
        RUNS.put("reads", "^io.filestore.benchmarks.SharedReadBenchmark.");
        RUNS.put("local-reads", "^io.filestore.benchmarks.LookupBenchmark.(getJson|findIdsByEmail)$");
        RUNS.put("opens", "^io.filestore.benchmarks.SharedOpenBenchmark.");
    }

    private SharedSuite() {
    }

    static void run(Path out) throws RunnerException, IOException, InterruptedException {
        Files.createDirectories(out);
        Map<String, Double> scores = new LinkedHashMap<>();
        for (Map.Entry<String, String> run : RUNS.entrySet()) {
            System.out.println("\n=== shared: " + run.getKey() + " ===");
            OptionsBuilder options = new OptionsBuilder();
            options.include(run.getValue());
            if (!run.getKey().equals("writes")) {
                options.param("records", "100000");
            }
            options.result(out.resolve("shared-" + run.getKey() + ".json").toString())
                    .resultFormat(ResultFormatType.JSON);
            Collection<RunResult> results = new Runner(options.build()).run();
            for (RunResult result : results) {
                String method = result.getParams().getBenchmark();
                scores.put(method.substring(method.lastIndexOf('.', method.lastIndexOf('.') - 1) + 1),
                        result.getPrimaryResult().getScore());
            }
        }
        String propagation = probe();
        Files.writeString(out.resolve("propagation.txt"), propagation, StandardCharsets.UTF_8);
        Files.writeString(out.resolve(SUMMARY), summary(scores, propagation), StandardCharsets.UTF_8);
        System.out.println(Files.readString(out.resolve(SUMMARY)));
    }

    /** The probe's line, from a JVM of its own. */
    private static String probe() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g", "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                "io.filestore.benchmarks.SharedPropagationProbe", "2000"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            return "the propagation probe failed:\n" + output;
        }
        return output.lines().filter(line -> line.startsWith("propagation delay")).findFirst().orElse(output);
    }

    /**
     * The ratios, from scores by {@code Class.method} (ops/s for throughput, ms for the opens).
     * A missing score leaves its line as "not measured".
     */
    static String summary(Map<String, Double> scores, String propagation) {
        StringBuilder text = new StringBuilder("# Shared mode (issue 26)\n\n| measure | shared | beside | ratio |\n|---|---|---|---|\n");
        row(text, scores, "durable writes, 1 thread (ops/s)", "SharedWriteBenchmark.sharedPut1", "SharedWriteBenchmark.jdbcUpsert1");
        row(text, scores, "durable writes, 64 threads (ops/s)", "SharedWriteBenchmark.sharedPut64",
                "SharedWriteBenchmark.jdbcUpsert64");
        row(text, scores, "getJson at 100k (ops/s)", "SharedReadBenchmark.getJson", "LookupBenchmark.getJson");
        row(text, scores, "findIdsByEmail at 100k (ops/s)", "SharedReadBenchmark.findIdsByEmail", "LookupBenchmark.findIdsByEmail");
        row(text, scores, "open of 100k (ms)", "SharedOpenBenchmark.sharedOpen", "SharedOpenBenchmark.localOpen");
        return text.append("\n").append(propagation.strip()).append("\n").toString();
    }

    private static void row(StringBuilder text, Map<String, Double> scores, String label, String shared, String beside) {
        Double a = scores.get(shared);
        Double b = scores.get(beside);
        text.append("| ").append(label).append(" | ").append(a == null ? "not measured" : String.format("%,.0f", a))
                .append(" | ").append(b == null ? "not measured" : String.format("%,.0f", b) + " (" + beside + ")")
                .append(" | ").append(a == null || b == null || b == 0 ? "" : String.format("%.2fx", a / b)).append(" |\n");
    }
}
