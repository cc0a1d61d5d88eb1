package io.filestore.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import io.filestore.FileStoreOptions;
import io.filestore.benchmarks.Footprint;
import io.filestore.benchmarks.Seeds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs every benchmark of the report through the JMH API, one JMH run per step, then the footprint
 * measurement in a child JVM, then writes the report ({@link Report}) into the output folder:
 * <pre>
 * java -cp filestore-benchmarks/target/benchmarks.jar io.filestore.benchmarks.report.Suite full|quick [folder]
 * </pre>
 * Run it from the repository root. The folder defaults to {@code docs/benchmarks} for {@code full}
 * and {@code filestore-benchmarks/target/benchmarks-quick} for {@code quick}, so a smoke run never
 * replaces the published report. The JMH results are merged into one {@code jmh-results.json} after
 * every step, so an interrupted run still leaves what it measured. With
 * {@code -Dbench.baseline=<an earlier jmh-results.json>} the earlier run is copied into the folder as
 * {@link Report#BASELINE}, for the targets stated against it ("5x today").
 */
public final class Suite {

    private final Profile profile;
    private final Path out;
    private final ArrayNode results = FileStoreOptions.defaultJsonMapper().createArrayNode();
    private final ObjectNode stepSeconds = FileStoreOptions.defaultJsonMapper().createObjectNode();

    private Suite(Profile profile, Path out) {
        this.profile = profile;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !List.of("full", "quick").contains(args[0])) {
            System.err.println("usage: Suite full|quick [output folder]");
            System.exit(2);
        }
        Profile profile = Profile.valueOf(args[0].toUpperCase(Locale.ROOT));
        Path out = Paths.get(args.length > 1 ? args[1]
                : profile == Profile.FULL ? "docs/benchmarks" : "filestore-benchmarks/target/benchmarks-quick");
        Files.createDirectories(out);
        copyBaseline(out);
        new Suite(profile, out).run();
    }

    /** Copies the baseline run named by {@code -Dbench.baseline}, if any, next to this run's results. */
    private static void copyBaseline(Path out) throws IOException {
        String baseline = System.getProperty("bench.baseline");
        if (baseline == null) {
            return;
        }
        Path from = Paths.get(baseline);
        if (!Files.isRegularFile(from)) {
            throw new IllegalArgumentException("bench.baseline: no file " + from.toAbsolutePath()
                    + "; give the jmh-results.json of an earlier run of the suite");
        }
        Files.copy(from, out.resolve(Report.BASELINE), StandardCopyOption.REPLACE_EXISTING);
    }

    private void run() throws RunnerException, IOException, InterruptedException {
        long start = System.nanoTime();
        ObjectNode machine = Machine.describe();
        try {
            for (Step step : Steps.of(profile.sizes())) {
                long stepStart = System.nanoTime();
                runJmh(step);
                stepSeconds.put(step.name(), (System.nanoTime() - stepStart) / 1e9);
            }
            long footprintStart = System.nanoTime();
            runFootprint();
            stepSeconds.put("footprint", (System.nanoTime() - footprintStart) / 1e9);
        } finally {
            Seeds.deleteAll();
        }
        writeRun(machine, (System.nanoTime() - start) / 1e9);
        Path report = Report.writeFrom(out);
        System.out.printf("%nwrote %s and %s in %.1f min%n", report, out.resolve("chart.png"),
                (System.nanoTime() - start) / 60e9);
    }

    private void runJmh(Step step) throws RunnerException {
        Path json = out.resolve("jmh-step.json");
        ChainedOptionsBuilder options = profile.apply(step, new OptionsBuilder().include(step.include())
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
            FileStoreOptions.defaultJsonMapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve(Report.JMH_RESULTS).toFile(),
                    results);
            json.toFile().delete();
        }
    }

    /** Data sets are built once per run and shared between forks, see {@link Seeds}. */
    private static final String SEEDS = "-Dbench.seeds=true";

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

    /** Disk and heap bytes per record: each part of {@code Footprint} in a fresh JVM of its own. */
    private void runFootprint() throws IOException, InterruptedException {
        Sizes sizes = profile.sizes();
        for (String part : Footprint.PARTS) {
            int records = part.equals("disk") ? sizes.footprintDisk() : sizes.footprintHeap();
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx6g", SEEDS, "-cp", System.getProperty("java.class.path"),
                    Footprint.class.getName(), part, String.valueOf(records),
                    out.resolve(Report.FOOTPRINT_PREFIX + part + ".json").toAbsolutePath().toString()));
            benchDir().ifPresent(property -> command.add(1, property));
            System.out.println("\n=== footprint " + part + ": " + records + " records ===");
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                System.err.println("footprint " + part + " failed with exit code " + exit + "; its cells stay empty");
            }
        }
    }

    private void writeRun(ObjectNode machine, double wallSeconds) {
        ObjectNode run = FileStoreOptions.defaultJsonMapper().createObjectNode();
        run.put("profile", profile.name().toLowerCase(Locale.ROOT));
        run.put("wallSeconds", wallSeconds);
        run.set("machine", machine);
        run.set("sizes", FileStoreOptions.defaultJsonMapper().valueToTree(profile.sizes()));
        run.putObject("settings").put("throughput", profile.describeRates())
                .put("singleShot", profile.describeSingleShots());
        run.set("steps", stepSeconds);
        FileStoreOptions.defaultJsonMapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve(Report.RUN).toFile(), run);
    }
}
