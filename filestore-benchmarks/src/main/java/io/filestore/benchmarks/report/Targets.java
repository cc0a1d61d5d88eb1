package io.filestore.benchmarks.report;

import java.util.List;
import java.util.Locale;

import io.filestore.benchmarks.report.Target.Side;

/**
 * The targets of the performance issue, each a FileStore result held to a peer's, the raw limit's, an
 * earlier run's or a fixed figure, at the sizes of the run (the issue states them at the full
 * profile's: 100k records, 1M for lookups, opens and heap). The report judges them on the medians.
 */
final class Targets {

    private static final boolean RAISED = true;
    private static final boolean HOLD = false;

    private Targets() {
    }

    static List<Target> of(Sizes sizes) {
        String records = String.valueOf(sizes.records());
        String seconds = String.valueOf(sizes.sustainedSeconds());
        Side sqliteSustained = Side.of("SQLite FULL", Workloads.SUSTAINED, "store", "sqlite", "seconds", seconds);
        Side sqliteFirstPage = Side.of("SQLite", "PeerReadBenchmark.firstPageByUsername", "peer", "sqlite",
                "records", records);
        Side sqliteMiddlePage = Side.of("SQLite", "PeerReadBenchmark.middlePageByUsername", "peer", "sqlite",
                "records", records);
        Side unindexedPage = Side.of("FileStore", "QueryBenchmark.firstPageByName", "records", records);
        String small = Workloads.count(sizes.openSmall());
        String lookup = String.valueOf(sizes.lookupLarge());
        return List.of(
                Target.atLeast("sustained durable insert, 64 writers, file-per-record, counted to disk", RAISED,
                        Side.of("FileStore", Workloads.SUSTAINED, "store", "file-per-record", "seconds", seconds),
                        sqliteSustained, 3),
                Target.atLeast("sustained durable insert, 64 writers, append-only JSON Lines, counted to disk", RAISED,
                        Side.of("FileStore", Workloads.SUSTAINED, "store", "jsonl-append-only", "seconds", seconds),
                        sqliteSustained, 10),
                Target.atLeast("age >= v order by age limit 10 (core Query, rows as JSON text like SQL's SELECT doc)", RAISED,
                        Side.of("FileStore", "QueryBenchmark.ageRangeTop10Json", "records", records),
                        Side.of("H2 SQL", "PeerReadBenchmark.ageAtLeastTop10", "peer", "h2-sql", "records", records), 1),
                Target.atLeast("first page of 20 by indexed username, core Query", RAISED,
                        Side.of("FileStore", "QueryBenchmark.firstPageByUsername", "records", records), sqliteFirstPage, 1),
                Target.atLeast("first page of 20 by indexed username, repository", RAISED,
                        Side.of("FileStore", "RepositoryBenchmark.fileStoreFirstPageByUsername"), sqliteFirstPage, 1),
                Target.atLeast(String.format(Locale.ROOT, "page at offset %,d by username, core Query",
                                sizes.records() / 2), RAISED,
                        Side.of("FileStore", "QueryBenchmark.middlePageByUsername", "records", records),
                        sqliteMiddlePage, 1),
                Target.atLeast("first page of 20 by an unindexed field (bounded top-k), core Query", RAISED,
                        unindexedPage, unindexedPage.inBaseline(), 5),
                Target.atLeast("repository findById", RAISED,
                        Side.of("FileStore", "RepositoryBenchmark.fileStoreFindById"),
                        Side.of("Spring Data KeyValue", "RepositoryBenchmark.keyValueFindById"), 0.7),
                Target.atLeast("get by id, " + Workloads.count(sizes.lookupLarge()) + " records, fresh keys", RAISED,
                        Side.of("FileStore", "LookupBenchmark.getJson", "records", lookup),
                        Side.of("the floor", "LookupBenchmark.floorMapGetJson", "records", lookup), 0.95),
                Target.atMost("open " + small + " file-per-record, 2 indexes, page cache warm", RAISED,
                        open("OpenBenchmark.fileStoreOpen", sizes.openSmall(), "file-per-record"),
                        rawRead("raw 4-thread read", "OpenBenchmark.rawParallelRead", sizes.openSmall(),
                                "file-per-record"), 2),
                Target.atMost("first open " + small + " in a new JVM", RAISED,
                        open("OpenBenchmark.fileStoreFirstOpen", sizes.openSmall(), "file-per-record"),
                        rawRead("raw first read", "OpenBenchmark.rawFirstRead", sizes.openSmall(), "file-per-record"),
                        2.5),
                Target.atMost("open " + Workloads.count(sizes.openLarge()) + " single-file JSON Lines, 2 indexes", RAISED,
                        open("OpenBenchmark.fileStoreOpen", sizes.openLarge(), "single-file-jsonl"),
                        rawRead("reading the file", "OpenBenchmark.rawParallelRead", sizes.openLarge(),
                                "single-file-jsonl"), 15),
                Target.atMostFigure("heap per record, " + Workloads.count(sizes.footprintHeap()) + " records, 2 indexes"
                        + " (bytes)", RAISED, Side.of("FileStore", "Footprint.heap", "store", "filestore memory-only"), 500),
                Target.within("one durable writer, commit path", HOLD,
                        Side.of("FileStore", "DurablePutBenchmark.writers01", "fsyncIntervalMillis", "0"),
                        Side.of("raw loop", "RawAppendFsyncBenchmark.appendAndForce"), 1.3),
                Target.atLeast("64 durable writers, commit path", HOLD,
                        Side.of("FileStore", "DurablePutBenchmark.writers64", "fsyncIntervalMillis", "0"),
                        Side.of("SQLite FULL", "PeerWriteBenchmark.insert64", "peer", "sqlite", "commit", "FSYNC"), 10),
                Target.atMost("flush of " + Workloads.count(sizes.flush()) + " dirty records", HOLD,
                        Side.of("FileStore", "FlushBenchmark.fileStoreFlush", "wal", "true", "records",
                                String.valueOf(sizes.flush())),
                        Side.of("raw loop", "FlushBenchmark.rawParallel", "records", String.valueOf(sizes.flush())),
                        1.3),
                Target.atLeast("repository findByEmail (KeyValue's entity with getters)", HOLD,
                        Side.of("FileStore", "RepositoryBenchmark.fileStoreFindByEmail"),
                        Side.of("Spring Data KeyValue", "RepositoryBenchmark.keyValueFindByEmail"), 1000));
    }

    private static Side open(String benchmark, int records, String layout) {
        return Side.of("FileStore", benchmark, "records", String.valueOf(records), "layout", layout);
    }

    private static Side rawRead(String label, String benchmark, int records, String layout) {
        return Side.of(label, benchmark, "records", String.valueOf(records), "layout", layout);
    }
}
