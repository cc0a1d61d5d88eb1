package io.filestore.benchmarks.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scaling page turns a scaling run's files (JMH's JSON, the heap footprints at each count, the run
 * description) into the growth table, its flags and the log-log chart.
 */
class ScalingReportTests {

    private static final int[] COUNTS = {10_000, 100_000, 1_000_000};

    @TempDir
    Path root;

    private Path folder;
    private final List<String> results = new ArrayList<>();

    @BeforeEach
    void aScalingFolderBesideTheMainReport() throws Exception {
        folder = Files.createDirectory(root.resolve(ScalingReport.FOLDER));
        Files.writeString(root.resolve("README.md"), "# the main report\n");
        Files.writeString(folder.resolve(Report.RUN), """
                {"profile": "scaling", "wallSeconds": 700,
                 "machine": {"date": "2026-12-05 03:00 UTC", "cores": 2, "memoryBytes": 25769803776, "cpu": "Test CPU",
                   "os": "Linux amd64", "kernel": "6.1.0-test", "jdk": "OpenJDK 17", "benchDir": "/tmp",
                   "fileSystem": "ext4", "commit": "abc1234", "libraries": {}},
                 "sizes": {"scaling": [10000, 100000, 1000000], "dirtyPercent": 1},
                 "settings": {"throughput": "1 x 1.0 s warm-up, 2 x 1.0 s measured, per fork",
                   "singleShot": "1 warm-up + 2 measured shots"},
                 "steps": {"open 10k": 20.0}}
                """);
    }

    @Test
    void theTableGivesEachCountsCostTheSlopeTheGrowthAndFlagsWhatGrowsFasterThanDesigned() throws Exception {
        // open: linear, as designed
        singleShots("OpenBenchmark.fileStoreOpen", "\"layout\": \"file-per-record\", \"indexed\": \"true\"", 10, 100, 1000);
        singleShots("OpenBenchmark.rawParallelRead", "\"layout\": \"file-per-record\", \"indexed\": \"true\"", 5, 50, 500);
        // get by id: 0.5, 1 and 2 us, faster than constant, and so does the floor
        rates("LookupBenchmark.getJson", "", 2_000_000, 1_000_000, 500_000);
        rates("LookupBenchmark.floorMapGetJson", "", 4_000_000, 2_000_000, 1_000_000);
        // find: constant; SQLite only at two counts
        rates("LookupBenchmark.findJsonByEmail", "", 1_000_000, 1_000_000, 1_000_000);
        rates("PeerReadBenchmark.findByEmail", "\"peer\": \"sqlite\", ", 100_000, 100_000, 0);
        // first page: 10, 10, 40 us, faster than log n, while SQLite stays flat
        averageTimes("QueryBenchmark.firstPageByUsername", "\"indexed\": \"true\", ", 10, 10, 40);
        rates("PeerReadBenchmark.firstPageByUsername", "\"peer\": \"sqlite\", ", 50_000, 50_000, 50_000);
        // flush: about linear; the raw loop did not run
        singleShots("DirtyFlushBenchmark.fileStoreFlush", "", 50, 400, 4000);
        heap("filestore", "filestore memory-only", 10_000, 800);
        heap("filestore", "filestore memory-only", 100_000, 650);
        heap("filestore", "filestore memory-only", 1_000_000, 600);
        heap("keyvalue", "keyvalue", 10_000, 1200);
        writeResults();

        String page = Files.readString(ScalingReport.writeFrom(folder));

        assertThat(page)
                .contains("Part of the benchmark report: [FileStore side by side with its peers](../README.md).")
                .contains("Profile **scaling**", "2026-12-05 03:00 UTC", "abc1234", "open 10k 20 s")
                .contains("| workload | store | 10k | 100k | 1M | slope | growth | design | verdict |")
                .contains("| open | FileStore | 10.0 ms | 100 ms | 1,000 ms | 1.00 | linear | linear | as designed |")
                .contains("|  | raw 4-thread read | 5.0 ms | 50.0 ms | 500 ms | 1.00 | linear |  |  |")
                .as("the heap: all the bytes retained, and per record; the slope is of the total")
                .contains("| heap | FileStore | 8.0 MB (800 B/record) | 65.0 MB (650 B/record) | 600.0 MB (600 B/record)"
                        + " | 0.94 | linear | linear | as designed |")
                .contains("|  | Spring Data KeyValue | 12.0 MB (1,200 B/record) | — | — | — | — |  |  |")
                .as("a cost growing with its limit is flagged, and the verdict says the limit grows as fast")
                .contains("| get by id | FileStore | 0.50 µs | 1.00 µs | 2.00 µs | 0.30 | sublinear | constant"
                        + " | **faster than designed**; floor: ConcurrentHashMap + new String grows as fast |")
                .contains("| find by index | FileStore | 1.00 µs | 1.00 µs | 1.00 µs | 0.00 | constant | constant"
                        + " | as designed |")
                .contains("|  | SQLite, unique index | 10 µs | 10 µs | — | 0.00 | constant |  |  |")
                .contains("| first page by username | FileStore | 10 µs | 10 µs | 40 µs | 0.30 | sublinear | log n"
                        + " | **faster than designed** |")
                .contains("| flush 1% dirty | FileStore | 50.0 ms | 400 ms | 4,000 ms | 0.95 | linear | linear"
                        + " | as designed |")
                .contains("|  | raw temp+fsync+rename | — | — | — | — | — |  |  |")
                .contains("- get by id: slope 0.30 (sublinear), where the design allows constant (a hash map lookup);"
                        + " floor: ConcurrentHashMap + new String: slope 0.30.")
                .contains("- first page by username: slope 0.30 (sublinear), where the design allows log n (the front"
                        + " of a sorted index: constant, at most log n); SQLite, index on username: slope 0.00.")
                .doesNotContain("- open:", "- flush 1% dirty:")
                .contains("![cost against records, log-log: FileStore solid, its peer or limit dashed](scaling.png)");
        byte[] png = Files.readAllBytes(folder.resolve(ScalingReport.CHART));
        assertThat(png.length).isGreaterThan(10_000);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aRunWhereEveryRowGrowsAsDesignedSaysSoAndARowWithOnePositivePointIsNotJudged() throws Exception {
        rates("LookupBenchmark.getJson", "", 1_000_000, 1_000_000, 1_000_000);
        singleShots("DirtyFlushBenchmark.fileStoreFlush", "", 50, 0, 0);
        heap("filestore", "filestore memory-only", 10_000, -3);
        heap("filestore", "filestore memory-only", 100_000, 650);
        writeResults();

        String page = Files.readString(ScalingReport.writeFrom(folder));

        assertThat(page).contains("No FileStore row grows faster than its design allows.")
                .contains("| flush 1% dirty | FileStore | 50.0 ms | — | — | — | — | linear"
                        + " | not judged: fewer than two points |")
                .contains("| open | FileStore | — | — | — | — | — | linear | not judged: fewer than two points |")
                .as("a heap within the noise of a GC is shown, but a logarithm has no place for it")
                .contains("| heap | FileStore | -0.0 MB (-3 B/record) | 65.0 MB (650 B/record) | — | — | — | linear"
                        + " | not judged: fewer than two points |");
    }

    @Test
    void theMainReportLinksToTheScalingPageOnceThereIsOne() throws Exception {
        Files.writeString(root.resolve(Report.JMH_RESULTS), "[" + result("QueryBenchmark.firstPageByName", "thrpt",
                "ops/s", "", 2000, 600) + "]");
        Files.writeString(root.resolve(Report.RUN), """
                {"profile": "quick", "wallSeconds": 1, "machine": {},
                 "sizes": {"records": 2000, "openSmall": 2000, "openLarge": 10000, "flush": 2000,
                   "footprintDisk": 2000, "footprintHeap": 20000, "lookupLarge": 20000, "sustainedSeconds": 5}}
                """);
        assertThat(Files.readString(Report.writeFrom(root))).doesNotContain("scaling/README.md");

        Files.writeString(folder.resolve("README.md"), "# scaling\n");

        assertThat(Files.readString(Report.writeFrom(root))).contains("## How cost grows")
                .contains("[the scaling page](scaling/README.md)");
    }

    /** Throughput results at each count; 0 leaves that count out. */
    private void rates(String benchmark, String params, double... opsPerSecond) {
        for (int i = 0; i < COUNTS.length; i++) {
            if (opsPerSecond[i] > 0) {
                results.add(result(benchmark, "thrpt", "ops/s", params, COUNTS[i], opsPerSecond[i]));
            }
        }
    }

    private void averageTimes(String benchmark, String params, double... microseconds) {
        for (int i = 0; i < COUNTS.length; i++) {
            results.add(result(benchmark, "avgt", "us/op", params, COUNTS[i], microseconds[i]));
        }
    }

    private void singleShots(String benchmark, String params, double... milliseconds) {
        String withComma = params.isEmpty() ? "" : params + ", ";
        for (int i = 0; i < COUNTS.length; i++) {
            if (milliseconds[i] > 0) {
                results.add(result(benchmark, "ss", "ms/op", withComma, COUNTS[i], milliseconds[i]));
            }
        }
    }

    private static String result(String benchmark, String mode, String unit, String params, int records, double score) {
        return """
                {"benchmark": "io.filestore.benchmarks.%s", "mode": "%s", "params": {%s"records": "%d"},
                 "primaryMetric": {"score": %s, "scoreUnit": "%s", "rawData": [[%s, %s]]}}""".formatted(benchmark,
                mode, params, records, score, unit, score, score);
    }

    private void heap(String part, String store, int records, double bytesPerRecord) throws Exception {
        Files.writeString(folder.resolve(Report.FOOTPRINT_PREFIX + part + "-heap-" + records + ".json"), """
                {"heapRecords": %d, "heap": [{"store": "%s", "bytesPerRecord": %s, "jsonBytesPerRecord": 300.0}]}
                """.formatted(records, store, bytesPerRecord));
    }

    private void writeResults() throws Exception {
        Files.writeString(folder.resolve(Report.JMH_RESULTS), "[" + String.join(",\n", results) + "]");
    }
}
