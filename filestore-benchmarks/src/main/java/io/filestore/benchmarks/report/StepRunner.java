package io.filestore.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import io.filestore.FileStoreOptions;
import io.filestore.benchmarks.Footprint;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the measurements of a suite run into its output folder: each {@link Step} as one JMH run with a
 * profile's settings, its results merged into {@link Report#JMH_RESULTS} after every step (so an
 * interrupted run still leaves what it measured), and each footprint part in a child JVM of its own.
 * It keeps the seconds every step took, for {@code run.json}.
 */
final class StepRunner {

    /** Data sets are built once per run and shared between forks, see {@code io.filestore.benchmarks.Seeds}. */
    private static final String SEEDS = "-Dbench.seeds=true";

    private final Profile settings;
    private final Path out;
    private final ArrayNode results = FileStoreOptions.defaultJsonMapper().createArrayNode();
    private final ObjectNode stepSeconds = FileStoreOptions.defaultJsonMapper().createObjectNode();

    /** A runner whose steps take their warm-ups, iterations and forks from {@code settings}. */
    StepRunner(Profile settings, Path out) {
        this.settings = settings;
        this.out = out;
    }

    /** The seconds each step and footprint part took so far, by name, in order. */
    ObjectNode stepSeconds() {
        return stepSeconds;
    }

    /** Runs {@code step} through JMH and adds its results to the folder's results file. */
    void run(Step step) throws RunnerException {
        long start = System.nanoTime();
        Path json = out.resolve("jmh-step.json");
        ChainedOptionsBuilder options = settings.apply(step, new OptionsBuilder().include(step.include())
                .result(json.toString()).resultFormat(ResultFormatType.JSON));
        for (Map.Entry<String, String[]> param : step.params().entrySet()) {
            options = options.param(param.getKey(), param.getValue());
        }
        options = options.jvmArgsAppend(forkArguments(step));
        System.out.println("\n=== step " + step.name() + ": " + step.include() + " ===");
        new Runner(options.build()).run();
        if (Files.exists(json)) {
            for (JsonNode result : FileStoreOptions.defaultJsonMapper().readTree(json.toFile())) {
                results.add(result);
            }
            FileStoreOptions.defaultJsonMapper().writerWithDefaultPrettyPrinter()
                    .writeValue(out.resolve(Report.JMH_RESULTS).toFile(), results);
            json.toFile().delete();
        }
        stepSeconds.put(step.name(), (System.nanoTime() - start) / 1e9);
    }

    /**
     * Measures one {@code Footprint} part of {@code records} records in a fresh JVM with {@code heap}
     * (such as {@code -Xmx6g}), written to {@code fileName} in the folder. A failed part leaves its
     * cells empty and the run goes on.
     */
    void footprint(String part, int records, String heap, String fileName) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, heap, SEEDS, "-cp", System.getProperty("java.class.path"),
                Footprint.class.getName(), part, String.valueOf(records),
                out.resolve(fileName).toAbsolutePath().toString()));
        benchDir().ifPresent(property -> command.add(1, property));
        System.out.println("\n=== footprint " + part + ": " + records + " records ===");
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            System.err.println("footprint " + part + " failed with exit code " + exit + "; its cells stay empty");
        }
        stepSeconds.put("footprint " + part + " " + Workloads.count(records), (System.nanoTime() - start) / 1e9);
    }

    /** The step's JVM arguments, plus {@code -Dbench.dir} when it is set: forks do not inherit properties. */
    private static String[] forkArguments(Step step) {
        List<String> arguments = new ArrayList<>(List.of(step.jvmArgs()));
        arguments.add(SEEDS);
        benchDir().ifPresent(arguments::add);
        return arguments.toArray(String[]::new);
    }

    private static Optional<String> benchDir() {
        return Optional.ofNullable(System.getProperty("bench.dir")).map(dir -> "-Dbench.dir=" + dir);
    }
}
