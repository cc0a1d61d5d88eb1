package io.filestore.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.runner.RunnerException;

import io.filestore.FileStoreOptions;
import io.filestore.benchmarks.DirtyFlushBenchmark;
import io.filestore.benchmarks.Seeds;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the scaling page (issue 25 §4): at each record count of the {@link ScalingProfile}, smallest
 * first, the JMH steps of {@link ScalingSteps}, then the heap of FileStore and of Spring Data KeyValue
 * in a child JVM each; then writes the page ({@link ScalingReport}). Started by
 * {@code Suite scaling|scaling-quick [folder]}. The data sets of a count are deleted before the next
 * count starts, so the disk holds one count's (the 1M {@code file-per-record} seed is about 4 GB of
 * file-system blocks).
 */
final class ScalingSuite {

    /** The {@code Footprint} parts of the heap rows. */
    private static final List<String> HEAP_PARTS = List.of("filestore-heap", "keyvalue-heap");
    /** The heap of a footprint JVM: as the suite's, or more for counts beyond a million. */
    private static final int FOOTPRINT_GIGABYTES = 6;

    private ScalingSuite() {
    }

    /** Runs {@code profile} into {@code out}; a bad {@code bench.scaling.sizes} fails before anything runs. */
    static void run(ScalingProfile profile, Path out) throws RunnerException, IOException, InterruptedException {
        List<Integer> sizes = profile.sizes();
        Files.createDirectories(out);
        long start = System.nanoTime();
        ObjectNode machine = Machine.describe();
        StepRunner runner = new StepRunner(profile.settings(), out);
        try {
            for (int records : sizes) {
                measure(runner, records);
                Seeds.deleteAll();
            }
        } finally {
            Seeds.deleteAll();
        }
        Suite.writeRun(out, profile.runName(), machine, (System.nanoTime() - start) / 1e9, sizes(sizes),
                settings(profile.settings()), runner.stepSeconds());
        Path page = ScalingReport.writeFrom(out);
        System.out.printf("%nwrote %s and %s in %.1f min%n", page, out.resolve(ScalingReport.CHART),
                (System.nanoTime() - start) / 60e9);
    }

    private static void measure(StepRunner runner, int records) throws RunnerException, IOException,
            InterruptedException {
        for (Step step : ScalingSteps.at(records)) {
            runner.run(step);
        }
        String heap = "-Xmx" + Math.max(FOOTPRINT_GIGABYTES, ScalingSteps.heapGigabytes(records)) + "g";
        for (String part : HEAP_PARTS) {
            runner.footprint(part, records, heap, Report.FOOTPRINT_PREFIX + part + "-" + records + ".json");
        }
    }

    private static ObjectNode sizes(List<Integer> sizes) {
        ObjectNode node = FileStoreOptions.defaultJsonMapper().createObjectNode();
        ArrayNode counts = node.putArray("scaling");
        sizes.forEach(counts::add);
        node.put("dirtyPercent", DirtyFlushBenchmark.DIRTY_PERCENT);
        return node;
    }

    private static ObjectNode settings(Profile settings) {
        return FileStoreOptions.defaultJsonMapper().createObjectNode()
                .put("throughput", settings.describeRateIterations())
                .put("singleShot", settings.describeShots() + String.format(Locale.ROOT, "; opens of %s records and"
                        + " more: 2 warm-up + 2 measured shots; the flush: each shot after %d%% of the records changed",
                        Workloads.count(ScalingSteps.LARGE), DirtyFlushBenchmark.DIRTY_PERCENT));
    }
}
