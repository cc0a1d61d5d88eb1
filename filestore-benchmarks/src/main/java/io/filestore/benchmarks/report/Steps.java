package io.filestore.benchmarks.report;

import java.util.List;

/**
 * The JMH runs that produce every cell of {@link Workloads}, in the order the suite runs them:
 * writes (the sustained load and the flush among them), reads, opens, then a second round of the
 * fsync-bound targets. Every step pins the parameters it needs, so a benchmark's own {@code @Param}
 * lists (which offer more variants for manual runs) do not multiply the suite. The sides of a target
 * ({@link Targets}) run in the profile's target forks ({@link Step#forTarget()}); the rest in one.
 */
final class Steps {

    /** Warm-up iterations of the durable inserts: 64 writers on 2 cores leave the JIT little CPU (README.md). */
    static final int DURABLE_WARMUPS = 4;
    /** Warm-up iterations of the updates: the same single-writer commit path, async. */
    static final int UPDATE_WARMUPS = 2;

    private static final String[] WRITE_PEERS = {"sqlite", "h2-mvstore", "nitrite"};
    private static final String[] READ_PEERS = {"sqlite", "h2-sql", "h2-mvstore", "nitrite"};

    private Steps() {
    }

    static List<Step> of(Sizes sizes) {
        return List.of(
                rawLoop("raw append+fsync"),
                durableCommitPath("FileStore durable insert, commit path"),
                Step.rates("FileStore async insert", "DurablePutBenchmark\\.writers01")
                        .param("fsyncIntervalMillis", 200),
                sqliteFull64("SQLite durable insert 64t"),
                sqliteFull01("SQLite durable insert 1t"),
                Step.rates("peers durable insert", "PeerWriteBenchmark\\.insert(01|64)")
                        .param("peer", "h2-mvstore", "nitrite").param("commit", "FSYNC").warmups(DURABLE_WARMUPS),
                Step.rates("peers async insert", "PeerWriteBenchmark\\.insert01")
                        .param("peer", (Object[]) WRITE_PEERS).param("commit", "WRITE"),
                // a minute each, JIT cold; the heap holds what the commits outrun the flush by
                Step.oneRun("sustained durable insert", "SustainedInsertBenchmark\\.insertThenClose")
                        .param("store", "file-per-record", "jsonl-append-only", "sqlite")
                        .param("seconds", sizes.sustainedSeconds()).param("writers", 64).jvm("-Xms6g", "-Xmx6g"),
                flush("flush", sizes),
                Step.rates("FileStore update", "PutBenchmark\\.put").param("collection", "file-per-record-async")
                        .param("keys", sizes.records()).warmups(UPDATE_WARMUPS),
                Step.rates("peers update", "PeerWriteBenchmark\\.update").param("peer", (Object[]) WRITE_PEERS)
                        .param("commit", "WRITE").param("records", sizes.records()).warmups(UPDATE_WARMUPS),
                Step.rates("FileStore get and find", "LookupBenchmark\\.(getJson|findJsonByEmail)")
                        .param("records", sizes.records()),
                Step.rates("FileStore get by id, large, and its floor", "LookupBenchmark\\.(getJson|floorMapGetJson)")
                        .param("records", sizes.lookupLarge()).jvm("-Xms4g", "-Xmx4g").forTarget(),
                Step.rates("FileStore query by email", "QueryBenchmark\\.byEmail")
                        .param("records", sizes.records()).param("indexed", true),
                Step.rates("FileStore range and pages",
                                "QueryBenchmark\\.(ageRangeTop10|ageRangeTop10Json|firstPageByUsername|middlePageByUsername|firstPageByName)")
                        .param("records", sizes.records()).param("indexed", true).forTarget(),
                Step.rates("peers get and find", "PeerReadBenchmark\\.(get|findByEmail)")
                        .param("peer", (Object[]) READ_PEERS).param("records", sizes.records()),
                Step.rates("peers range", "PeerReadBenchmark\\.ageAtLeastTop10")
                        .param("peer", "sqlite", "h2-mvstore", "nitrite").param("records", sizes.records()),
                Step.rates("H2 SQL range", "PeerReadBenchmark\\.ageAtLeastTop10")
                        .param("peer", "h2-sql").param("records", sizes.records()).forTarget(),
                Step.rates("SQLite pages by username", "PeerReadBenchmark\\.(firstPageByUsername|middlePageByUsername)")
                        .param("peer", "sqlite").param("records", sizes.records()).forTarget(),
                Step.rates("SQLite page by name", "PeerReadBenchmark\\.firstPageByName")
                        .param("peer", "sqlite").param("records", sizes.records()),
                Step.rates("H2 SQL pages",
                                "PeerReadBenchmark\\.(firstPageByUsername|middlePageByUsername|firstPageByName)")
                        .param("peer", "h2-sql").param("records", sizes.records()),
                Step.rates("repositories, targets", "RepositoryBenchmark\\.(fileStoreFindById|keyValueFindById"
                                + "|fileStoreFindByEmail|keyValueFindByEmail|fileStoreFirstPageByUsername)")
                        .param("users", sizes.records()).forTarget(),
                Step.rates("repositories", "RepositoryBenchmark\\.(fileStoreTop10ByAge|keyValueTop10ByAge"
                                + "|keyValueFirstPageByUsername|fileStoreMiddlePageByUsername|keyValueMiddlePageByUsername"
                                + "|fileStoreFirstPageByName|keyValueFirstPageByName)")
                        .param("users", sizes.records()),
                Step.singleShots("FileStore open small", "OpenBenchmark\\.(fileStoreOpen|rawParallelRead)", true)
                        .inSteadyState().param("records", sizes.openSmall()).param("layout", "file-per-record")
                        .param("indexed", true).forTarget(),
                Step.singleShots("FileStore first open small", "OpenBenchmark\\.(fileStoreFirstOpen|rawFirstRead)", false)
                        .shots(1).param("records", sizes.openSmall()).param("layout", "file-per-record")
                        .param("indexed", true).forTarget(),
                // steady state too, in fewer shots: at 1M the second and third opens of a fork were slower than later ones
                Step.singleShots("FileStore open large", "OpenBenchmark\\.(fileStoreOpen|rawParallelRead)", true)
                        .inSteadyState().warmups(3).shots(2).param("records", sizes.openLarge())
                        .param("layout", "single-file-jsonl").param("indexed", true).jvm("-Xms4g", "-Xmx4g")
                        .forTarget(),
                Step.singleShots("peers open small", "PeerOpenBenchmark\\.openCountAndGet", true)
                        .param("peer", (Object[]) WRITE_PEERS).param("records", sizes.openSmall()),
                // Nitrite loads a few thousand documents a second here: a million would take the suite's budget
                Step.singleShots("peers open large", "PeerOpenBenchmark\\.openCountAndGet", true)
                        .param("peer", "sqlite", "h2-mvstore").param("records", sizes.openLarge()),
                // The fsync-bound targets again, about 15 minutes after their first round: fsync latency here
                // drifts within minutes (README.md), and each cell's median pools both rounds' forks (JmhResults)
                rawLoop("raw append+fsync, round 2"),
                durableCommitPath("FileStore durable insert, commit path, round 2"),
                sqliteFull64("SQLite durable insert 64t, round 2"),
                sqliteFull01("SQLite durable insert 1t, round 2"),
                // the flush is fsync-bound too, and one shot each: its ratio to the raw loop varies from run to run
                flush("flush, round 2", sizes));
    }

    private static Step rawLoop(String name) {
        return Step.rates(name, "RawAppendFsyncBenchmark\\.appendAndForce").forTargetInTwoRounds();
    }

    private static Step durableCommitPath(String name) {
        return Step.rates(name, "DurablePutBenchmark\\.writers(01|64)").param("fsyncIntervalMillis", 0)
                .warmups(DURABLE_WARMUPS).forTargetInTwoRounds();
    }

    private static Step sqliteFull64(String name) {
        return Step.rates(name, "PeerWriteBenchmark\\.insert64").param("peer", "sqlite").param("commit", "FSYNC")
                .warmups(DURABLE_WARMUPS).forTargetInTwoRounds();
    }

    private static Step sqliteFull01(String name) {
        return Step.rates(name, "PeerWriteBenchmark\\.insert01").param("peer", "sqlite").param("commit", "FSYNC")
                .warmups(DURABLE_WARMUPS);
    }

    /** One shot each, no warm-up: every shot writes the whole data set at the disk's fsync rate. */
    private static Step flush(String name, Sizes sizes) {
        return Step.singleShots(name, "FlushBenchmark\\.(fileStoreFlush|rawParallel)", false).shots(1)
                .param("records", sizes.flush()).param("wal", true);
    }
}
