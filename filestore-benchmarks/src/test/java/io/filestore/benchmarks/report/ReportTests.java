package io.filestore.benchmarks.report;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.filestore.internal.json.Json;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report turns a run's files (JMH's JSON, the footprint, the run description) into the Markdown
 * tables and the chart a reader sees.
 */
class ReportTests {

    @TempDir
    Path folder;

    @Test
    void theTablesShowMediansAndFileStoresAdvantageAndTheChartIsAPng() throws Exception {
        Files.writeString(folder.resolve(Report.JMH_RESULTS), """
                [
                  %s,
                  %s,
                  %s,
                  %s,
                  %s,
                  %s,
                  %s,
                  %s
                ]""".formatted(
                rate("DurablePutBenchmark.writers01", "thrpt", "ops/s", "\"fsyncIntervalMillis\": \"0\"",
                        "5000, 7000, 6000"),
                rate("PeerWriteBenchmark.insert01", "thrpt", "ops/s",
                        "\"peer\": \"sqlite\", \"commit\": \"FSYNC\", \"records\": \"2000\"", "3000, 4000, 3000"),
                rate("QueryBenchmark.byEmail", "avgt", "us/op", "\"records\": \"2000\", \"indexed\": \"true\"",
                        "1.0, 4.0, 2.0"),
                rate("PeerReadBenchmark.findByEmail", "thrpt", "ops/ms", "\"peer\": \"sqlite\", \"records\": \"2000\"",
                        "1000, 1000"),
                singleShot("OpenBenchmark.fileStoreOpen",
                        "\"records\": \"2000\", \"layout\": \"file-per-record\", \"indexed\": \"true\"", 120),
                singleShot("PeerOpenBenchmark.openCountAndGet", "\"peer\": \"sqlite\", \"records\": \"2000\"", 12),
                singleShot("OpenBenchmark.fileStoreFirstOpen",
                        "\"records\": \"2000\", \"layout\": \"file-per-record\", \"indexed\": \"true\"", 300),
                singleShot("OpenBenchmark.rawFirstRead",
                        "\"records\": \"2000\", \"layout\": \"file-per-record\", \"indexed\": \"true\"", 200)));
        Files.writeString(folder.resolve(Report.FOOTPRINT_PREFIX + "disk.json"), """
                {"diskRecords": 2000, "disk": [
                  {"store": "filestore file-per-record", "apparentBytesPerRecord": 431,
                   "allocatedBytesPerRecord": 4100},
                  {"store": "sqlite", "apparentBytesPerRecord": 410.0}]}
                """);
        Files.writeString(folder.resolve(Report.FOOTPRINT_PREFIX + "filestore-heap.json"), """
                {"heapRecords": 20000, "heap": [{"store": "filestore memory-only", "bytesPerRecord": 700.0,
                  "jsonBytesPerRecord": 300.0}]}
                """);
        Files.writeString(folder.resolve(Report.RUN), """
                {"profile": "quick", "wallSeconds": 150,
                 "machine": {"date": "2026-12-02 03:00 UTC", "cores": 2, "memoryBytes": 25769803776, "cpu": "Test CPU",
                   "os": "Linux amd64", "kernel": "6.1.0-test",
                   "jdk": "Eclipse Adoptium OpenJDK 64-Bit Server VM 17.0.15",
                   "benchDir": "/tmp", "fileSystem": "ext4", "commit": "abc1234",
                   "libraries": {"sqlite-jdbc": "3.53.2.1"}},
                 "sizes": {"records": 2000, "openSmall": 2000, "openLarge": 10000, "flush": 2000,
                   "footprintDisk": 2000, "footprintHeap": 20000, "lookupLarge": 20000, "sustainedSeconds": 5},
                 "settings": {"throughput": "1 x 1 s warm-up, 2 x 1 s measured", "singleShot": "1 + 3"},
                 "steps": {"writes": 60.0}}
                """);

        Path markdown = Report.writeFrom(folder);

        String report = Files.readString(markdown);
        assertThat(report)
                .contains("| workload | FileStore | raw I/O limit | SQLite | H2 SQL | H2 MVStore | Nitrite"
                        + " | Spring Data KeyValue |")
                .as("medians: of the iterations for rates, p50 for single shots, times turned into rates")
                .contains("| durable insert 1t, commit path | 6,000/s | — | 3,000/s | — | — | — | — |")
                .contains("| query by email | 500,000/s | — | 1,000,000/s | — | — | — | — |")
                .contains("| open 2k | 120 ms | — | 12.0 ms | — | — | — | — |")
                .as("the first open of a JVM, beside the raw first read; the peers are measured warm only")
                .contains("| first open 2k | 300 ms | 200 ms | — | — | — | — | — |")
                .contains("first open 2k, SQLite: measured warm only")
                .as("sizes: allocated bytes where du measured them, apparent otherwise")
                .contains("| disk B/record, file-per-record | 4,100 B | — | 410 B | — | — | — | — |")
                .contains("| heap B/record | 700 B | — | — | — | — | — | — |")
                .as("advantage: above 1 FileStore is faster, in bold where the peer wins")
                .contains("| durable insert 1t, commit path | 1 | — | 2.00 | — | — | — | — |")
                .contains("| query by email | 1 | — | **0.50** | — | — | — | — |")
                .contains("- query by email: SQLite is 2.0x better")
                .contains("- open 2k: SQLite is 10.0x better")
                .contains("- disk B/record, file-per-record: SQLite is 10.0x better")
                .contains("6.1.0-test", "Eclipse Adoptium", "2 cores", "2026-12-02 03:00 UTC", "abc1234")
                .contains("durable insert 1t, commit path, Spring Data KeyValue: in memory only")
                .contains("durable insert 64t, commit path, FileStore: no result in this run")
                .as("a target whose sides both ran is judged on their medians; one without a result is not")
                .contains("| heap per record, 20k records, 2 indexes (bytes) | 700 B | fixed figure | FileStore = 700 B"
                        + " | ≤ 500 | 1 | **not met** |")
                .contains("| first open 2k in a new JVM | 300 ms | raw first read 200 ms | FileStore / raw first read"
                        + " = 1.50 | ≤ 2.50 | 1 / 1 | met |")
                .contains("| repository findById | — | Spring Data KeyValue — | FileStore / Spring Data KeyValue | ≥ 0.70"
                        + " | — / — | not judged: no result for FileStore in this run |");
        byte[] png = Files.readAllBytes(folder.resolve("chart.png"));
        assertThat(png.length).isGreaterThan(10_000);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aRateMeasuredInTwoRoundsHasTheMedianOfBothRoundsIterations() {
        String params = "\"fsyncIntervalMillis\": \"0\"";
        var measurements = JmhResults.parse(Json.defaultMapper().readTree("[%s, %s, %s]".formatted(
                rate("DurablePutBenchmark.writers64", "thrpt", "ops/s", params, "10, 11, 12"),
                rate("DurablePutBenchmark.writers01", "thrpt", "ops/s", params, "5, 5, 5"),
                rate("DurablePutBenchmark.writers64", "thrpt", "ops/s", params, "30, 31, 32"))));
        assertThat(measurements).hasSize(2);
        assertThat(measurements.get(0).benchmark()).isEqualTo("DurablePutBenchmark.writers64");
        assertThat(measurements.get(0).median()).isEqualTo((12 + 30) / 2.0); // of 10, 11, 12, 30, 31, 32
    }

    @Test
    void aSingleShotRunInTwoRoundsHasTheMedianOfBothRoundsShots() {
        String params = "\"records\": \"2000\", \"wal\": \"true\"";
        var measurements = JmhResults.parse(Json.defaultMapper().readTree("[%s, %s]".formatted(
                singleShot("FlushBenchmark.fileStoreFlush", params, 900),
                singleShot("FlushBenchmark.fileStoreFlush", params, 1300))));
        assertThat(measurements).hasSize(1);
        assertThat(measurements.get(0).median()).isEqualTo(1100.0);
    }

    @Test
    void aCellMeasuredInSeveralForksShowsItsMedianAndTheRangeOfItsForksMedians() {
        String params = "\"records\": \"2000\"";
        var measurement = JmhResults.parse(Json.defaultMapper().readTree("[%s]".formatted(
                rate("LookupBenchmark.getJson", "thrpt", "ops/s", params, "10, 12], [20, 22], [30, 31], [40, 45"))))
                .get(0);

        assertThat(measurement.forks()).isEqualTo(4);
        assertThat(measurement.median()).as("of all eight iterations").isEqualTo((22 + 30) / 2.0);
        assertThat(measurement.low()).isEqualTo(11.0);
        assertThat(measurement.high()).isEqualTo(42.5);
        assertThat(Report.formatWithRange(measurement)).isEqualTo("26.00/s (11.00/s – 42.50/s, 4 forks)");
    }

    @Test
    void anAverageTimeRangeTurnsIntoRatesWithTheSlowestForkAsTheLowestRate() {
        var measurement = JmhResults.parse(Json.defaultMapper().readTree("[%s]".formatted(
                rate("QueryBenchmark.byEmail", "avgt", "us/op", "", "1.0], [4.0")))).get(0);

        assertThat(measurement.low()).isEqualTo(250_000.0);
        assertThat(measurement.high()).isEqualTo(1_000_000.0);
    }

    @Test
    void anAuxCounterRateIsAMeasurementOfItsOwnAndACountIsNot() {
        String result = """
                {"benchmark": "io.filestore.benchmarks.SustainedInsertBenchmark.insertThenClose", "mode": "thrpt",
                 "params": {"store": "sqlite", "seconds": "5"},
                 "primaryMetric": {"score": 0.01, "scoreUnit": "ops/s", "rawData": [[0.01]]},
                 "secondaryMetrics": {
                   "inserts": {"score": 4000, "scoreUnit": "ops/s", "rawData": [[4000]]},
                   "acknowledged": {"score": 20000, "scoreUnit": "#", "rawData": [[20000]]},
                   "·gc.alloc.rate": {"score": 100, "scoreUnit": "MB/sec", "rawData": [[100]]}}}""";

        var measurements = JmhResults.parse(Json.defaultMapper().readTree("[" + result + "]"));

        assertThat(measurements).extracting(Measurement::benchmark).containsExactly(
                "SustainedInsertBenchmark.insertThenClose", "SustainedInsertBenchmark.insertThenClose:inserts");
        assertThat(measurements.get(1).median()).isEqualTo(4000.0);
        assertThat(measurements.get(1).params()).containsEntry("store", "sqlite");
    }

    @Test
    void aTargetAgainstAnEarlierRunIsJudgedOnTheBaselineFileAndNotWithoutIt() throws Exception {
        String page = rate("QueryBenchmark.firstPageByName", "thrpt", "ops/s", "\"records\": \"2000\"", "600");
        Files.writeString(folder.resolve(Report.JMH_RESULTS), "[" + page + "]");
        Files.writeString(folder.resolve(Report.RUN), """
                {"profile": "quick", "wallSeconds": 1, "machine": {},
                 "sizes": {"records": 2000, "openSmall": 2000, "openLarge": 10000, "flush": 2000,
                   "footprintDisk": 2000, "footprintHeap": 20000, "lookupLarge": 20000, "sustainedSeconds": 5}}
                """);
        assertThat(Files.readString(Report.writeFrom(folder))).contains("| first page of 20 by an unindexed field"
                + " (bounded top-k), core Query | 600/s | FileStore, baseline run — | FileStore / FileStore, baseline"
                + " run | ≥ 5 | 1 / — | not judged: no baseline run");

        Files.writeString(folder.resolve(Report.BASELINE), "[" + page.replace("600", "100") + "]");
        String report = Files.readString(Report.writeFrom(folder));

        assertThat(report).contains("| first page of 20 by an unindexed field (bounded top-k), core Query | 600/s"
                + " | FileStore, baseline run 100/s | FileStore / FileStore, baseline run = 6.00 | ≥ 5 | 1 / 1 | met |");
    }

    private static String rate(String benchmark, String mode, String unit, String params, String iterations) {
        return """
                {"benchmark": "io.filestore.benchmarks.%s", "mode": "%s", "params": {%s},
                 "primaryMetric": {"score": 0, "scoreUnit": "%s", "rawData": [[%s]]}}""".formatted(benchmark, mode,
                params, unit, iterations);
    }

    private static String singleShot(String benchmark, String params, double p50) {
        return """
                {"benchmark": "io.filestore.benchmarks.%s", "mode": "ss", "params": {%s},
                 "primaryMetric": {"score": 0, "scoreUnit": "ms/op", "scorePercentiles": {"50.0": %s},
                   "rawData": [[%s]]}}""".formatted(benchmark, params, p50, p50);
    }
}
