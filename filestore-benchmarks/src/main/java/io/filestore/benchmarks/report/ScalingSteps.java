package io.filestore.benchmarks.report;

import java.util.List;

/**
 * The JMH runs of one record count of the scaling page ({@link ScalingRows}), one fork each: reads
 * first (their data sets are built in memory per fork), then the open and the flush, which share the
 * run's {@code file-per-record} seed of that count (the open only reads it; the flush writes 1% of it
 * each shot). The heap rows are measured by {@link ScalingSuite} in child JVMs, not here.
 */
final class ScalingSteps {

    /** From this count on, an open takes seconds: fewer warm-up and measured shots (the JIT warms within one). */
    static final int LARGE = 1_000_000;

    private ScalingSteps() {
    }

    /** The steps that measure every JMH cell of the scaling rows at {@code records}. */
    static List<Step> at(int records) {
        String[] heap = {"-Xms" + heapGigabytes(records) + "g", "-Xmx" + heapGigabytes(records) + "g"};
        String size = Workloads.count(records);
        Step open = Step.singleShots("open " + size, "OpenBenchmark\\.(fileStoreOpen|rawParallelRead)", true)
                .inSteadyState().param("records", records).param("layout", "file-per-record").param("indexed", true)
                .jvm(heap);
        return List.of(
                Step.rates("get and find " + size, "LookupBenchmark\\.(getJson|floorMapGetJson|findJsonByEmail)")
                        .param("records", records).jvm(heap),
                Step.rates("first page " + size, "QueryBenchmark\\.firstPageByUsername")
                        .param("records", records).param("indexed", true).jvm(heap),
                Step.rates("SQLite find and first page " + size, "PeerReadBenchmark\\.(findByEmail|firstPageByUsername)")
                        .param("peer", "sqlite").param("records", records),
                records >= LARGE ? open.warmups(2).shots(2) : open,
                Step.singleShots("flush 1% dirty " + size, "DirtyFlushBenchmark\\.(fileStoreFlush|rawParallel)", true)
                        .param("records", records).jvm(heap));
    }

    /**
     * The fixed heap of a fork at {@code records}: 2 GB to 100k, 6 GB to 1M (a million records, their
     * two indexes and an open's garbage), 16 GB beyond (5M records; fits a 24 GiB machine).
     */
    static int heapGigabytes(int records) {
        if (records <= 100_000) {
            return 2;
        }
        return records <= LARGE ? 6 : 16;
    }
}
