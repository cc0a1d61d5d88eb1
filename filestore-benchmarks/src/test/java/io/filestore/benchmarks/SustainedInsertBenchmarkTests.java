package io.filestore.benchmarks;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sustained run counts exactly the inserts that are in the store's files once it is closed: a store
 * reopened on the folder holds every acknowledged insert, and the rate JMH normalizes is that count.
 */
class SustainedInsertBenchmarkTests {

    @TempDir
    Path benchDir;

    private final SustainedInsertBenchmark bench = new SustainedInsertBenchmark();

    @AfterEach
    void deleteTheRun() {
        bench.delete();
        System.clearProperty("bench.dir");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"file-per-record", "single-file-json", "single-file-jsonl", "jsonl-append-only",
            "compressed", "sqlite"})
    void everyAcknowledgedInsertIsInTheFilesAfterTheClose(String store) throws Exception {
        System.setProperty("bench.dir", benchDir.toString());
        bench.store = store;
        bench.seconds = 1;
        bench.writers = 4;
        bench.open();
        var rate = new SustainedInsertBenchmark.Rate();
        var totals = new SustainedInsertBenchmark.Totals();

        bench.insertThenClose(rate, totals);

        assertThat(totals.acknowledged).isPositive();
        assertThat(rate.inserts).isEqualTo(totals.acknowledged);
        try (DurableSink reopened = DurableSink.open(store, bench.dir)) {
            assertThat(reopened.count()).isEqualTo(totals.acknowledged);
        }
    }
}
