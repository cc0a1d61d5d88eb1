package io.filestore.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import io.filestore.FileStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared-mode benchmarks' states and operations, called once each on a small data set without JMH:
 * each starts its real PostgreSQL, does what it measures, and leaves nothing behind.
 */
class SharedBenchmarksTests {

    @Test
    void theWriteBenchmarkPutsThroughTheStoreAndUpsertsTheSameDocumentThroughJdbc() throws Exception {
        SharedWriteBenchmark bench = new SharedWriteBenchmark();
        bench.open();
        try {
            SharedWriteBenchmark.Writer writer = new SharedWriteBenchmark.Writer();
            writer.setUp(bench);
            bench.put(writer);
            String id = Records.id(writer.next);
            assertThat(bench.upsert(writer)).isEqualTo(1);
            writer.tearDown();

            FileStore other = writer.store == bench.instances[0] ? bench.instances[1] : bench.instances[0];
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (other.collection(SharedCluster.COLLECTION).get(id).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(other.collection(SharedCluster.COLLECTION).get(id)).as("on the other instance").isPresent();
            try (Connection connection = bench.cluster.postgres().connect(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select count(*) from plain_users")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        } finally {
            bench.close();
        }
    }

    @Test
    void theReadBenchmarkReadsASecondInstanceFilledFromTheDatabase() {
        SharedReadBenchmark bench = new SharedReadBenchmark();
        bench.records = 500;
        bench.open();
        try {
            assertThat(bench.getJson()).isPresent();
            assertThat(bench.findIdsByEmail()).hasSize(1);
            assertThat(bench.findJsonByEmail()).isPresent();
        } finally {
            bench.close();
        }
    }

    @Test
    void theOpenBenchmarkOpensTheSameRecordsSharedAndLocal() {
        SharedOpenBenchmark bench = new SharedOpenBenchmark();
        bench.records = 500;
        bench.createDataSets();
        try {
            assertThat(bench.sharedOpen()).isEqualTo(500);
            assertThat(bench.localOpen()).isEqualTo(500);
        } finally {
            bench.deleteDataSets();
        }
    }

    @Test
    void thePropagationProbeMeasuresEveryRound() {
        try (SharedCluster cluster = SharedCluster.start()) {
            long[] delays = SharedPropagationProbe.measure(cluster.instance(), cluster.instance(), 0, 20);

            assertThat(delays).hasSize(20);
            assertThat(delays[0]).isNotNegative();
            assertThat(SharedPropagationProbe.report(delays)).contains("over 20 writes", "p50", "p99");
        }
    }
}
