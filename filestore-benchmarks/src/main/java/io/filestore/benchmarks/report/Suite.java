package io.filestore.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.runner.RunnerException;

import io.filestore.FileStoreOptions;
import io.filestore.benchmarks.Footprint;
import io.filestore.benchmarks.Seeds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs every benchmark of the report through the JMH API, one JMH run per step, then the footprint
 * measurement in a child JVM, then writes the report ({@link Report}) into the output folder:
 * <pre>
 * java -cp filestore-benchmarks/target/benchmarks.jar io.filestore.benchmarks.report.Suite full|quick|scaling|scaling-quick|shared [folder]
 * </pre>
 * Run it from the repository root. The folder defaults to {@code docs/benchmarks} for {@code full}
 * and {@code filestore-benchmarks/target/benchmarks-quick} for {@code quick}, so a smoke run never
 * replaces the published report. The JMH results are merged into one {@code jmh-results.json} after
 * every step, so an interrupted run still leaves what it measured. With
 * {@code -Dbench.baseline=<an earlier jmh-results.json>} the earlier run is copied into the folder as
 * {@link Report#BASELINE}, for the targets stated against it ("5x today"). {@code scaling} and
 * {@code scaling-quick} run the scaling page instead ({@link ScalingSuite}); {@code shared} the shared-mode
 * measurements ({@link SharedSuite}).
 */
public final class Suite {

    private static final List<String> PROFILES = List.of("full", "quick", "scaling", "scaling-quick", "shared");

    private final Profile profile;
    private final Path out;

    private Suite(Profile profile, Path out) {
        this.profile = profile;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !PROFILES.contains(args[0])) {
            System.err.println("usage: Suite " + String.join("|", PROFILES) + " [output folder]");
            System.exit(2);
        }
        if (args[0].equals("shared")) {
            SharedSuite.run(Paths.get(args.length > 1 ? args[1] : "filestore-benchmarks/target/benchmarks-shared"));
            return;
        }
        if (args[0].startsWith("scaling")) {
            ScalingProfile scaling = ScalingProfile.named(args[0]);
            ScalingSuite.run(scaling, Paths.get(args.length > 1 ? args[1] : scaling.defaultFolder()));
            return;
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
        StepRunner runner = new StepRunner(profile, out);
        try {
            for (Step step : Steps.of(profile.sizes())) {
                runner.run(step);
            }
            Sizes sizes = profile.sizes();
            for (String part : Footprint.PARTS) {
                int records = part.equals("disk") ? sizes.footprintDisk() : sizes.footprintHeap();
                runner.footprint(part, records, "-Xmx6g", Report.FOOTPRINT_PREFIX + part + ".json");
            }
        } finally {
            Seeds.deleteAll();
        }
        ObjectNode settings = FileStoreOptions.defaultJsonMapper().createObjectNode()
                .put("throughput", profile.describeRates()).put("singleShot", profile.describeSingleShots());
        writeRun(out, profile.name().toLowerCase(Locale.ROOT), machine, (System.nanoTime() - start) / 1e9,
                FileStoreOptions.defaultJsonMapper().valueToTree(profile.sizes()), settings, runner.stepSeconds());
        Path report = Report.writeFrom(out);
        System.out.printf("%nwrote %s and %s in %.1f min%n", report, out.resolve("chart.png"),
                (System.nanoTime() - start) / 60e9);
    }

    /** Writes {@link Report#RUN}: the profile, machine, wall time, sizes, settings and seconds per step. */
    static void writeRun(Path out, String profile, ObjectNode machine, double wallSeconds, JsonNode sizes,
                         ObjectNode settings, ObjectNode steps) {
        ObjectNode run = FileStoreOptions.defaultJsonMapper().createObjectNode();
        run.put("profile", profile);
        run.put("wallSeconds", wallSeconds);
        run.set("machine", machine);
        run.set("sizes", sizes);
        run.set("settings", settings);
        run.set("steps", steps);
        FileStoreOptions.defaultJsonMapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve(Report.RUN).toFile(), run);
    }
}
