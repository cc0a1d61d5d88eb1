package io.filestore.benchmarks.report;

import java.util.List;

import static io.filestore.benchmarks.report.StoreColumn.FILESTORE;
import static io.filestore.benchmarks.report.StoreColumn.H2_MVSTORE;
import static io.filestore.benchmarks.report.StoreColumn.KEYVALUE;
import static io.filestore.benchmarks.report.StoreColumn.NITRITE;
import static io.filestore.benchmarks.report.StoreColumn.RAW_LIMIT;
import static io.filestore.benchmarks.report.StoreColumn.SQLITE;

/**
 * The rows of the report: every workload of the suite and which benchmark result stands for it in
 * each store's column. {@link Suite} runs exactly these benchmarks.
 */
public final class Workloads {

    private static final String NO_DURABILITY = "in memory only: nothing to make durable";
    private static final String NO_FLUSH = "writes its files at commit; that cost is in its insert and update rows";
    private static final String NO_RAW_LOOP = "no raw loop for this workload";
    private static final String SEE_REPOSITORY = "reachable only through its repository: see the repository rows";
    private static final String REPOSITORY_ONLY = "not a Spring Data store here: see the rows above";

    private Workloads() {
    }

    /** The rows for a run with these sizes, in report order. */
    public static List<Workload> rows(Sizes sizes) {
        String records = String.valueOf(sizes.records());
        return List.of(
                durableInsert(1, "writers01", "insert01"),
                durableInsert(16, "writers16", "insert16"),
                durableInsert(64, "writers64", "insert64"),
                Workload.of("async insert", "1 thread, each commit written to the OS, fsynced later or never"
                                + " (FileStore fsync interval 200 ms; SQLite synchronous=NORMAL; MVStore commit"
                                + " without sync)")
                        .with(FILESTORE, "DurablePutBenchmark.writers01", "fsyncIntervalMillis", "200")
                        .with(SQLITE, "PeerWriteBenchmark.insert01", "peer", "sqlite", "commit", "WRITE")
                        .with(H2_MVSTORE, "PeerWriteBenchmark.insert01", "peer", "h2-mvstore", "commit", "WRITE")
                        .with(NITRITE, "PeerWriteBenchmark.insert01", "peer", "nitrite", "commit", "WRITE")
                        .without(RAW_LIMIT, NO_RAW_LOOP).without(KEYVALUE, NO_DURABILITY),
                Workload.of("update", "1 thread, replace an existing record (new age), async commit as above, "
                                + records + " records")
                        .with(FILESTORE, "PutBenchmark.put", "collection", "file-per-record-async")
                        .with(SQLITE, "PeerWriteBenchmark.update", "peer", "sqlite", "commit", "WRITE")
                        .with(H2_MVSTORE, "PeerWriteBenchmark.update", "peer", "h2-mvstore", "commit", "WRITE")
                        .with(NITRITE, "PeerWriteBenchmark.update", "peer", "nitrite", "commit", "WRITE")
                        .without(RAW_LIMIT, NO_RAW_LOOP).without(KEYVALUE, NO_DURABILITY),
                read("get by id", "by primary key / map key", "LookupBenchmark.getJson", "get", records),
                read("find by email", "unique index, the matching document (FileStore: findIds + getJson)",
                        "LookupBenchmark.findJsonByEmail", "findByEmail", records),
                read("query by email", "the same through FileStore's Query DSL (Query.from(...).where(eq).run(), rows"
                        + " parsed to trees); the peers' figures are those of the row above", "QueryBenchmark.byEmail",
                        "findByEmail", records),
                read("age range top 10", "age >= v order by age limit 10, age indexed", "QueryBenchmark.ageRangeTop10",
                        "ageAtLeastTop10", records),
                repository("repository findById", "RepositoryBenchmark.fileStoreFindById",
                        "RepositoryBenchmark.keyValueFindById"),
                repository("repository findByEmail", "RepositoryBenchmark.fileStoreFindByEmail",
                        "RepositoryBenchmark.keyValueFindByEmail"),
                repository("repository top 10 by age", "RepositoryBenchmark.fileStoreTop10ByAge",
                        "RepositoryBenchmark.keyValueTop10ByAge"),
                open(sizes.openSmall(), "file-per-record"),
                firstOpen(sizes.openSmall()),
                open(sizes.openLarge(), "single-file-jsonl").without(NITRITE, "not run: Nitrite loads a few thousand"
                        + " documents per second on this machine, so building its " + count(sizes.openLarge())
                        + " data set alone would take minutes of the suite's budget"),
                Workload.of("flush " + count(sizes.flush()) + " dirty", sizes.flush()
                                + " new records in a file-per-record collection (wal: true) made durable by one flush,"
                                + " vs temp + fsync on 4 threads +"
                                + " rename + one folder fsync")
                        .with(FILESTORE, "FlushBenchmark.fileStoreFlush", "wal", "true", "records",
                                String.valueOf(sizes.flush()))
                        .with(RAW_LIMIT, "FlushBenchmark.rawParallel", "records", String.valueOf(sizes.flush()))
                        .without(SQLITE, NO_FLUSH).without(H2_MVSTORE, NO_FLUSH).without(NITRITE, NO_FLUSH)
                        .without(KEYVALUE, NO_DURABILITY),
                disk(sizes, "file-per-record", "one pretty-printed file per record, a file-system block each"),
                disk(sizes, "single-file-jsonl", "one JSON line per record in one file"),
                disk(sizes, "compressed", "zstd-compressed single file"),
                Workload.of("heap B/record", sizes.footprintHeap() + " records held, retained heap after GC;"
                                + " FileStore memory-only with email and age indexed")
                        .with(FILESTORE, "Footprint.heap", "store", "filestore memory-only")
                        .with(KEYVALUE, "Footprint.heap", "store", "keyvalue")
                        .without(SQLITE, "data on disk, bounded page cache: heap does not grow per record")
                        .without(H2_MVSTORE, "data on disk, bounded page cache: heap does not grow per record")
                        .without(NITRITE, "data on disk, bounded page cache: heap does not grow per record")
                        .without(RAW_LIMIT, NO_RAW_LOOP).notCharted());
    }

    private static Workload disk(Sizes sizes, String layout, String what) {
        return Workload.of("disk B/record, " + layout, sizes.footprintDisk() + " records with their indexes, space"
                        + " allocated on disk (du); FileStore " + layout + ": " + what
                        + "; the peers the same in each row")
                .with(FILESTORE, "Footprint.disk", "store", "filestore " + layout)
                .with(SQLITE, "Footprint.disk", "store", "sqlite")
                .with(H2_MVSTORE, "Footprint.disk", "store", "h2-mvstore")
                .with(NITRITE, "Footprint.disk", "store", "nitrite")
                .without(RAW_LIMIT, NO_RAW_LOOP).without(KEYVALUE, NO_DURABILITY).notCharted();
    }

    private static Workload durableInsert(int threads, String fileStoreMethod, String peerMethod) {
        Workload row = Workload.of("durable insert " + threads + "t", threads + (threads == 1 ? " thread" : " threads")
                        + ", fsync before each insert returns (FileStore wal: true, fsync interval 0; SQLite"
                        + " synchronous=FULL; MVStore commit + sync)"
                        + (threads == 1 ? "; raw: a 300 B write over zeros written ahead + fdatasync, in a loop" : ""))
                .with(FILESTORE, "DurablePutBenchmark." + fileStoreMethod, "fsyncIntervalMillis", "0")
                .with(SQLITE, "PeerWriteBenchmark." + peerMethod, "peer", "sqlite", "commit", "FSYNC")
                .with(H2_MVSTORE, "PeerWriteBenchmark." + peerMethod, "peer", "h2-mvstore", "commit", "FSYNC")
                .with(NITRITE, "PeerWriteBenchmark." + peerMethod, "peer", "nitrite", "commit", "FSYNC")
                .without(KEYVALUE, NO_DURABILITY);
        return threads == 1 ? row.with(RAW_LIMIT, "RawAppendFsyncBenchmark.appendAndForce")
                : row.without(RAW_LIMIT, "the raw loop is one thread (one append + fsync at a time)");
    }

    private static Workload read(String name, String detail, String fileStoreBenchmark, String peerMethod,
                                 String records) {
        return Workload.of(name, "1 thread, random existing key, " + records + " records; " + detail)
                .with(FILESTORE, fileStoreBenchmark, "records", records)
                .with(SQLITE, "PeerReadBenchmark." + peerMethod, "peer", "sqlite", "records", records)
                .with(H2_MVSTORE, "PeerReadBenchmark." + peerMethod, "peer", "h2-mvstore", "records", records)
                .with(NITRITE, "PeerReadBenchmark." + peerMethod, "peer", "nitrite", "records", records)
                .without(RAW_LIMIT, NO_RAW_LOOP).without(KEYVALUE, SEE_REPOSITORY);
    }

    private static Workload repository(String name, String fileStoreBenchmark, String keyValueBenchmark) {
        return Workload.of(name, "through a Spring Data repository (derived query); KeyValue's map repository"
                        + " scans every entity for a field")
                .with(FILESTORE, fileStoreBenchmark)
                .with(KEYVALUE, keyValueBenchmark)
                .without(RAW_LIMIT, NO_RAW_LOOP).without(SQLITE, REPOSITORY_ONLY).without(H2_MVSTORE, REPOSITORY_ONLY)
                .without(NITRITE, REPOSITORY_ONLY);
    }

    private static Workload open(int records, String layout) {
        String size = String.valueOf(records);
        return Workload.of("open " + count(records), "open until queries can run, page cache warm, " + records
                        + " records; FileStore " + layout + " with email and age indexed loads every record (raw: read "
                        + (layout.equals("file-per-record") ? "every record file on 4 threads" : "its one file")
                        + "); the peers open lazily, count and get one record")
                .with(FILESTORE, "OpenBenchmark.fileStoreOpen", "records", size, "layout", layout)
                .with(RAW_LIMIT, "OpenBenchmark.rawParallelRead", "records", size, "layout", layout)
                .with(SQLITE, "PeerOpenBenchmark.openCountAndGet", "peer", "sqlite", "records", size)
                .with(H2_MVSTORE, "PeerOpenBenchmark.openCountAndGet", "peer", "h2-mvstore", "records", size)
                .with(NITRITE, "PeerOpenBenchmark.openCountAndGet", "peer", "nitrite", "records", size)
                .without(KEYVALUE, NO_DURABILITY);
    }

    private static Workload firstOpen(int records) {
        String size = String.valueOf(records);
        String warmOnly = "measured warm only (its open is milliseconds, lazy)";
        return Workload.of("first open " + count(records), "as open " + count(records) + " (file-per-record), but"
                        + " the first open (raw: the first read) in a new JVM, JIT cold, one shot per fork; an earlier"
                        + " fork wrote the data set, so nothing ran in the JVM before it")
                .with(FILESTORE, "OpenBenchmark.fileStoreFirstOpen", "records", size, "layout", "file-per-record")
                .with(RAW_LIMIT, "OpenBenchmark.rawFirstRead", "records", size, "layout", "file-per-record")
                .without(SQLITE, warmOnly).without(H2_MVSTORE, warmOnly).without(NITRITE, warmOnly)
                .without(KEYVALUE, NO_DURABILITY);
    }

    /** 100000 as "100k", 1000000 as "1M". */
    static String count(int records) {
        if (records >= 1_000_000 && records % 1_000_000 == 0) {
            return records / 1_000_000 + "M";
        }
        if (records >= 1000 && records % 1000 == 0) {
            return records / 1000 + "k";
        }
        return String.valueOf(records);
    }
}
