package io.filestore.benchmarks.report;

import java.util.List;

/**
 * The JMH runs that produce every cell of {@link Workloads}, in the order the suite runs them:
 * writes (the flush among them), reads, opens, then a second round of the fsync-bound targets.
 * Every step pins the parameters it needs, so a benchmark's own {@code @Param} lists (which offer
 * more variants for manual runs) do not multiply the suite.
 */
final class Steps {

    private static final String PEERS = "sqlite,h2-mvstore,nitrite";
    /** Warm-up iterations the durable inserts get beyond the profile's (see {@link Step#warmLonger}). */
    static final int DURABLE_EXTRA_WARMUPS = 1;

    private Steps() {
    }

    static List<Step> of(Sizes sizes) {
        String[] peers = PEERS.split(",");
        return List.of(
                Step.rates("raw append+fsync", "RawAppendFsyncBenchmark\\.appendAndForce"),
                Step.rates("FileStore durable insert", "DurablePutBenchmark\\.writers(01|16|64)")
                        .param("fsyncIntervalMillis", 0).warmLonger(DURABLE_EXTRA_WARMUPS),
                Step.rates("FileStore async insert", "DurablePutBenchmark\\.writers01")
                        .param("fsyncIntervalMillis", 200),
                Step.rates("peers durable insert", "PeerWriteBenchmark\\.insert(01|16|64)")
                        .param("peer", (Object[]) peers).param("commit", "FSYNC").warmLonger(DURABLE_EXTRA_WARMUPS),
                Step.rates("peers async insert", "PeerWriteBenchmark\\.insert01")
                        .param("peer", (Object[]) peers).param("commit", "WRITE"),
                // one shot per round (each writes 100k files at ~5k fsyncs/s); the second round comes last
                Step.singleShots("flush", "FlushBenchmark\\.(fileStoreFlush|rawParallel)", false).shots(1)
                        .param("records", sizes.flush()).param("wal", true),
                Step.rates("FileStore update", "PutBenchmark\\.put").param("collection", "file-per-record-async")
                        .param("keys", sizes.records()),
                Step.rates("peers update", "PeerWriteBenchmark\\.update")
                        .param("peer", (Object[]) peers).param("commit", "WRITE").param("records", sizes.records()),
                Step.rates("FileStore get and find", "LookupBenchmark\\.(getJson|findJsonByEmail)")
                        .param("records", sizes.records()),
                Step.rates("FileStore queries", "QueryBenchmark\\.(byEmail|ageRangeTop10)")
                        .param("records", sizes.records()).param("indexed", true),
                Step.rates("peers reads", "PeerReadBenchmark\\.(get|findByEmail|ageAtLeastTop10)")
                        .param("peer", (Object[]) peers).param("records", sizes.records()),
                Step.rates("repositories", "RepositoryBenchmark\\..*").param("users", sizes.records()),
                Step.singleShots("FileStore open small", "OpenBenchmark\\.(fileStoreOpen|rawParallelRead)", true)
                        .inSteadyState().param("records", sizes.openSmall()).param("layout", "file-per-record")
                        .param("indexed", true),
                Step.singleShots("FileStore first open small", "OpenBenchmark\\.(fileStoreFirstOpen|rawFirstRead)", false)
                        .shots(1).param("records", sizes.openSmall()).param("layout", "file-per-record")
                        .param("indexed", true),
                // steady state too: at 1M the second and third opens of a fork were still slower than later ones
                Step.singleShots("FileStore open large", "OpenBenchmark\\.(fileStoreOpen|rawParallelRead)", true)
                        .inSteadyState().param("records", sizes.openLarge()).param("layout", "single-file-jsonl").param("indexed", true)
                        .jvm("-Xms4g", "-Xmx4g"),
                Step.singleShots("peers open small", "PeerOpenBenchmark\\.openCountAndGet", true)
                        .param("peer", (Object[]) peers).param("records", sizes.openSmall()),
                // Nitrite loads a few thousand documents a second here: a million would take the suite's budget
                Step.singleShots("peers open large", "PeerOpenBenchmark\\.openCountAndGet", true)
                        .param("peer", "sqlite", "h2-mvstore").param("records", sizes.openLarge()),
                // The durable targets and the flush again, about 15 minutes after their first round: fsync latency
                // here drifts within minutes (README.md), and each cell's median pools both rounds (JmhResults)
                Step.rates("raw append+fsync, round 2", "RawAppendFsyncBenchmark\\.appendAndForce"),
                Step.rates("FileStore durable insert, round 2", "DurablePutBenchmark\\.writers(01|64)")
                        .param("fsyncIntervalMillis", 0).warmLonger(DURABLE_EXTRA_WARMUPS),
                Step.rates("SQLite durable insert, round 2", "PeerWriteBenchmark\\.insert(01|64)")
                        .param("peer", "sqlite").param("commit", "FSYNC").warmLonger(DURABLE_EXTRA_WARMUPS),
                // the flush is fsync-bound too, and one shot each: its ratio to the raw loop varies from run to run
                Step.singleShots("flush, round 2", "FlushBenchmark\\.(fileStoreFlush|rawParallel)", false).shots(1)
                        .param("records", sizes.flush()).param("wal", true));
    }
}
