package io.filestore.benchmarks.report;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared suite's summary: each ratio from the scores measured, "not measured" for a missing one. */
class SharedSuiteTests {

    @Test
    void theSummaryGivesEachRatioAndSaysWhatWasNotMeasured() {
        String summary = SharedSuite.summary(Map.of("SharedWriteBenchmark.sharedPut1", 900.0,
                "SharedWriteBenchmark.jdbcUpsert1", 1200.0, "SharedOpenBenchmark.sharedOpen", 1500.0,
                "SharedOpenBenchmark.localOpen", 750.0), "propagation delay over 2000 writes: p50 1.000 ms");

        assertThat(summary).contains("| durable writes, 1 thread (ops/s) | 900 | 1,200 (SharedWriteBenchmark.jdbcUpsert1) | 0.75x |")
                .contains("| open of 100k (ms) | 1,500 | 750 (SharedOpenBenchmark.localOpen) | 2.00x |")
                .contains("| durable writes, 64 threads (ops/s) | not measured | not measured |")
                .endsWith("propagation delay over 2000 writes: p50 1.000 ms\n");
    }
}
